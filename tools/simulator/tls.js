'use strict';
// A fresh self-signed certificate per start: CN=localhost, SAN localhost, 127.0.0.1, ::1.
const selfsigned = require('selfsigned');

async function generateCertificate() {
	const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
	const notAfterDate = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
	const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
		keyType: 'ec',
		curve: 'P-256',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 2, value: 'localhost' },
					{ type: 7, ip: '127.0.0.1' },
					{ type: 7, ip: '::1' },
				],
			},
		],
	});
	return { key: pems.private, cert: pems.cert, fingerprint: pems.fingerprint };
}

module.exports = { generateCertificate };
