'use strict';
// The one workflow builder: node building blocks, credentials, and the workflows the e2e lanes,
// the demo, `npm start` and the benchmark import into real n8n.

module.exports = {
	...require('./nodes'),
	...require('./credentials'),
	...require('./restores'),
	...require('./demo'),
	...require('./mail'),
	...require('./onedrive'),
	...require('./teams'),
	...require('./sharepoint-documents'),
};
