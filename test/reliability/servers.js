'use strict';
/** A VBO 5.0 server spoken to in v5 (Action endpoints) and a VB365 8.x server in v8. */
const SERVERS = [
	{ label: 'v5', profile: '5.0', apiVersion: 'v5', sendStatus: 200 },
	{ label: 'v8', profile: '8.x', apiVersion: 'v8', sendStatus: 204 },
];

module.exports = { SERVERS };
