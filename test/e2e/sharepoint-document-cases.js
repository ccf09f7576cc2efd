'use strict';
// The SharePoint Document e2e case of a lane: a document restored from its /:w:/r/ sharing link
// as its raw bytes (byte-equal in the binary store), a folder from its encoded address as one item
// per file with its path, a library sent to an address (outbox); no session left running.

const assert = require('node:assert/strict');

const { executeWorkflow, nodeItems } = require('../../tools/n8n/n8n');
const { siteDocumentWorkflow } = require('../../tools/workflows');
const { storedBytes, succeeded } = require('./run-checks');

function siteDocumentWorkflows(cred, sim) {
	return [siteDocumentWorkflow(cred, sim.fixture.organization('contoso').id)];
}

const startedSessions = (sim) =>
	[...sim.state.sessions.values()].filter(
		(s) => s.type === 'Vesp' && s.state !== 'Stopped' && s.id !== sim.fixture.restoreSession.id,
	).length;

async function runSiteDocumentCases({ tag, needsSetup, laneDef, env, logFile, sim, userFolder }) {
	await needsSetup(
		`${tag} (s1) SharePoint document: by its sharing link raw and byte-equal; a folder with paths; a library sent`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eSpdc0001', { logFile }),
				'execute SharePoint document save',
			);
			const [saved] = nodeItems(run, 'Save by Link') ?? [];
			assert.equal(saved?.binary?.data?.fileName, 'Contoso NDA.docx');
			assert.ok(
				storedBytes(userFolder, saved.binary.data).equals(sim.siteDocumentContent('nda')),
				'the stored file equals the backed-up bytes',
			);
			const files = nodeItems(run, 'Save Folder') ?? [];
			assert.deepEqual(files.map((i) => `${i.json.folderPath}/${i.binary.data.fileName}`).sort(), [
				'NDA/2024 #1 (final)/Angebot Müller – 2024 (final).pdf',
				'NDA/2024 #1 (final)/notes 100% sure; v2.txt',
				'NDA/Contoso NDA.docx',
			]);
			assert.deepEqual(
				sim.outbox.map((mail) => [mail.kind, mail.to, mail.attachments.length]),
				[['siteDocumentSend', 'requester@contoso.com', 4]],
			);
			assert.equal(startedSessions(sim), 0, 'the sessions it started were stopped');
			return `${saved.binary.data.fileName} (${saved.json.fileSize}); folder: ${files.length} files`;
		},
	);
}

module.exports = { siteDocumentWorkflows, runSiteDocumentCases };
