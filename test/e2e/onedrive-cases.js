'use strict';
// The OneDrive Document e2e cases of a lane: find a file by name and date and save it as its raw
// bytes (byte-equal in the binary store), a folder as one item per file with its folder path, a
// send to the owner, and bad inputs that become error items. Every run must leave no OneDrive
// session running.

const assert = require('node:assert/strict');

const { executeWorkflow, nodeItems } = require('../../tools/n8n/n8n');
const {
	oneDriveSaveWorkflow,
	oneDriveSendWorkflow,
	oneDriveBadInputsWorkflow,
} = require('../../tools/workflows');
const { runningSessionsOf, storedBytes, succeeded } = require('./run-checks');

function oneDriveWorkflows(cred, sim) {
	const organizationId = sim.fixture.organization('contoso').id;
	const { document } = sim.fixture.oneDrive.byKey;
	return [
		oneDriveSaveWorkflow(cred, organizationId),
		oneDriveSendWorkflow(cred, organizationId),
		oneDriveBadInputsWorkflow(cred, organizationId, {
			otherDocumentId: document.benBudget.id,
			goodDocumentId: document.nda.id,
		}),
	];
}

const runningOneDriveSessions = (sim) => runningSessionsOf(sim, 'Veod');

async function runOneDriveCases({ tag, needsSetup, laneDef, env, logFile, sim, userFolder }) {
	const { document } = sim.fixture.oneDrive.byKey;

	await needsSetup(
		`${tag} (o1) OneDrive: owner by email, file by name and date saved raw and byte-equal; a folder as one item per file with its path`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eOned0001', { logFile }),
				'execute OneDrive save',
			);
			const found = nodeItems(run, 'Find File') ?? [];
			assert.deepEqual(
				found.map((i) => i.json.id),
				[document.budget.id],
			);
			const [saved] = nodeItems(run, 'Save File') ?? [];
			assert.equal(saved?.binary?.data?.fileName, 'Budget 2024.xlsx');
			assert.ok(
				storedBytes(userFolder, saved.binary.data).equals(sim.oneDriveContent('budget')),
				'the stored file equals the backed-up bytes',
			);
			const files = nodeItems(run, 'Save Folder') ?? [];
			const paths = files.map((i) => `${i.json.folderPath}/${i.binary.data.fileName}`).sort();
			assert.deepEqual(paths, [
				'Projects/Fabrikam/Contoso NDA.docx',
				'Projects/Fabrikam/Contracts/Vertrag #3 – Entwurf (final).pdf',
				'Projects/Fabrikam/Contracts/見積書 メモ.txt',
				'Projects/Fabrikam/notes 100% final; v2.txt',
				'Projects/Site photo.png',
			]);
			const memo = files.find((i) => i.binary.data.fileName === '見積書 メモ.txt');
			assert.ok(storedBytes(userFolder, memo.binary.data).equals(sim.oneDriveContent('memo')));
			assert.equal(
				runningOneDriveSessions(sim),
				0,
				'the OneDrive sessions it started were stopped',
			);
			return `${saved.binary.data.fileName} (${saved.json.fileSize}); folder: ${files.length} files`;
		},
	);

	await needsSetup(`${tag} (o2) OneDrive: sent to the owner, one mail in the outbox`, async () => {
		sim.reset();
		const run = succeeded(
			await executeWorkflow(laneDef, env, 'vb365E2eOned0002', { logFile }),
			'execute OneDrive send',
		);
		const [sent] = nodeItems(run, 'Send to Owner') ?? [];
		assert.equal(sent?.json?.sent, true, 'node output says sent');
		assert.deepEqual(
			sim.outbox.map((mail) => [mail.kind, mail.to, mail.subject, mail.documentIds]),
			[['oneDriveSend', 'anna.meier@contoso.com', 'Your restored file', [document.budget.id]]],
		);
		assert.equal(runningOneDriveSessions(sim), 0, 'the OneDrive sessions it started were stopped');
	});

	await needsSetup(
		`${tag} (o3) OneDrive: unknown owner, empty search and another OneDrive's document become error items`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eOned0003', { logFile }),
				'execute OneDrive bad inputs',
			);
			const searches = nodeItems(run, 'Search per Case') ?? [];
			const of = (items, index) => items.filter((i) => i.pairedItem?.item === index);
			assert.match(
				String(of(searches, 0)[0]?.json?.error),
				/No OneDrive in the backup belongs to nobody@contoso\.com/,
			);
			assert.match(String(of(searches, 1)[0]?.json?.error), /No search criteria given/);
			assert.deepEqual(
				of(searches, 2).map((i) => i.json.name),
				['Site photo.png'],
			);
			const saves = nodeItems(run, 'Save per ID') ?? [];
			const bad = of(saves, 0)[0];
			assert.match(String(bad?.json?.description), /chosen OneDrive/, JSON.stringify(bad?.json));
			assert.equal(bad.binary, undefined);
			assert.ok(of(saves, 1)[0]?.binary?.data, 'the good document was saved');
			assert.equal(
				runningOneDriveSessions(sim),
				0,
				'the OneDrive sessions it started were stopped',
			);
			return `errors: ${of(searches, 0)[0].json.error} | ${of(searches, 1)[0].json.error} | ${bad.json.error}`;
		},
	);
}

/** (g4) examples/restore-onedrive-file-as-of-yesterday.json from its pinned ticket. */
async function runOneDriveExample(client, sim, example, executeFromPinnedTrigger) {
	sim.reset();
	const execution = await executeFromPinnedTrigger(client, example);
	const budget = sim.fixture.oneDrive.byKey.document.budget;
	assert.deepEqual(
		sim.outbox.map((mail) => [mail.kind, mail.to, mail.documentIds]),
		[['oneDriveSend', 'anna.meier@contoso.com', [budget.id]]],
	);
	const explores = [...sim.state.sessions.values()].filter((s) => s.type === 'Veod');
	assert.ok(
		explores.length > 0 && explores.every((s) => s.pointInTime === '2024-05-02T09:12:00.000Z'),
		'the OneDrive sessions open the backup as of the day before the ticket',
	);
	assert.equal(runningOneDriveSessions(sim), 0, 'the OneDrive sessions it started were stopped');
	return `execution ${execution.id}: ${execution.status}`;
}

module.exports = { oneDriveWorkflows, runOneDriveCases, runOneDriveExample };
