'use strict';
// The Exchange (Mail Item) e2e cases of a lane: find the deleted mail by address, subject and
// date and save it as MSG (the stored file parses to the mail), send it back to its owner, and
// bad inputs that become error items. Every run must leave no Exchange session running.

const assert = require('node:assert/strict');

const { executeWorkflow, nodeItems } = require('../../tools/n8n/n8n');
const {
	mailSaveWorkflow,
	mailSendWorkflow,
	mailBadInputsWorkflow,
} = require('../../tools/workflows');
const { runningSessionsOf, storedBytes, succeeded } = require('./run-checks');
const { readMsg } = require('../support/mail-runs');

function mailWorkflows(cred, sim) {
	const organizationId = sim.fixture.organization('contoso').id;
	const { item } = sim.fixture.exchange.byKey;
	return [
		mailSaveWorkflow(cred, organizationId),
		mailSendWorkflow(cred, organizationId),
		mailBadInputsWorkflow(cred, organizationId, {
			otherMailboxItemId: item.benNda.id,
			goodItemId: item.nda.id,
		}),
	];
}

const runningExchangeSessions = (sim) => runningSessionsOf(sim, 'Vex');

async function runMailCases({ tag, needsSetup, laneDef, env, logFile, sim, userFolder }) {
	const nda = sim.fixture.exchange.byKey.item.nda;

	await needsSetup(
		`${tag} (m1) mail: mailbox by email, deleted mail by subject and date, saved as a .msg that parses`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eMail0001', { logFile }),
				'execute mail save',
			);
			const found = nodeItems(run, 'Find Deleted Mail') ?? [];
			assert.deepEqual(
				found.map((i) => i.json.id),
				[nda.id],
				'the search finds exactly the deleted NDA mail',
			);
			const [saved] = nodeItems(run, 'Save as MSG') ?? [];
			assert.ok(saved?.binary?.data, 'Save as MSG returned a file');
			assert.equal(saved.binary.data.fileName, `${nda.subject}.msg`);
			const msg = readMsg(storedBytes(userFolder, saved.binary.data));
			assert.equal(msg.subject, nda.subject);
			assert.equal(msg.senderEmail, nda.from);
			assert.equal(msg.body, nda.body);
			assert.equal(
				runningExchangeSessions(sim),
				0,
				'the Exchange sessions it started were stopped',
			);
			return `${saved.binary.data.fileName}: "${msg.subject}" from ${msg.senderEmail}`;
		},
	);

	await needsSetup(
		`${tag} (m2) mail: sent back to the mailbox owner, one mail in the outbox`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eMail0002', { logFile }),
				'execute mail send',
			);
			const [sent] = nodeItems(run, 'Send Back') ?? [];
			assert.equal(sent?.json?.sent, true, 'node output says sent');
			assert.deepEqual(
				sim.outbox.map((mail) => [mail.kind, mail.to, mail.itemIds]),
				[['sendToDefaultAddress', 'anna.meier@contoso.com', [nda.id]]],
			);
			assert.equal(
				runningExchangeSessions(sim),
				0,
				'the Exchange sessions it started were stopped',
			);
		},
	);

	await needsSetup(
		`${tag} (m3) mail: unknown address, empty search and another mailbox's item become error items`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eMail0003', { logFile }),
				'execute mail bad inputs',
			);
			const searches = nodeItems(run, 'Search per Case') ?? [];
			const of = (items, index) => items.filter((i) => i.pairedItem?.item === index);
			assert.match(
				String(of(searches, 0)[0]?.json?.error),
				/No mailbox in the backup has the address nobody@contoso\.com/,
			);
			assert.match(String(of(searches, 1)[0]?.json?.error), /No search criteria given/);
			assert.deepEqual(
				of(searches, 2).map((i) => i.json.subject),
				['NDA for the Fabrikam project'],
			);
			const saves = nodeItems(run, 'Save per ID') ?? [];
			const bad = of(saves, 0)[0];
			assert.match(
				String(bad?.json?.description),
				/item of the chosen Mailbox/,
				JSON.stringify(bad?.json),
			);
			assert.equal(bad.binary, undefined);
			assert.ok(of(saves, 1)[0]?.binary?.data, 'the good item was saved');
			assert.equal(
				runningExchangeSessions(sim),
				0,
				'the Exchange sessions it started were stopped',
			);
			return `errors: ${of(searches, 0)[0].json.error} | ${of(searches, 1)[0].json.error} | ${bad.json.error}`;
		},
	);
}

/** (g3) examples/restore-deleted-email.json from its pinned ticket, as "Execute workflow" runs it. */
async function runMailExample(client, sim, example, executeFromPinnedTrigger) {
	sim.reset();
	const execution = await executeFromPinnedTrigger(client, example);
	const nda = sim.fixture.exchange.byKey.item.nda;
	assert.deepEqual(
		sim.outbox.map((mail) => [mail.kind, mail.to, mail.itemIds]),
		[['sendToDefaultAddress', 'anna.meier@contoso.com', [nda.id]]],
	);
	assert.equal(runningExchangeSessions(sim), 0, 'the Exchange sessions it started were stopped');
	return `execution ${execution.id}: ${execution.status}`;
}

module.exports = { mailWorkflows, runMailCases, runMailExample };
