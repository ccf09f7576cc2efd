'use strict';
// Parameters and checks for the Exchange (Mail Item) workflow tests.
const MsgReader = require('@kenjiuno/msgreader').default;
const { runNode } = require('./node-runs');

/** Start-and-stop parameters for the simulator's contoso organization, node version 1.1. */
function mailParameters(sim, operation, extra = {}) {
	return {
		resource: 'mailboxItem',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: sim.fixture.organization('contoso').id },
		mailboxId: { __rl: true, mode: 'email', value: 'anna.meier@contoso.com' },
		...extra,
	};
}

function runMail(sim, apiVersion, operation, extra = {}, run = {}) {
	return runNode(sim, {
		credential: { apiVersion },
		parameters: mailParameters(sim, operation, extra),
		nodeSettings: { typeVersion: 1.1 },
		...run,
	});
}

/** Subject, sender and body of an Outlook .msg file, read with @kenjiuno/msgreader. */
function readMsg(buffer) {
	const data = new MsgReader(buffer).getFileData();
	if (data.error) throw new Error(`not an MSG file: ${data.error}`);
	return {
		subject: data.subject,
		senderName: data.senderName,
		senderEmail: data.senderEmail,
		body: data.body,
	};
}

const mailItem = (sim, key) => sim.fixture.exchange.byKey.item[key];
const mailbox = (sim, key) => sim.fixture.exchange.byKey.mailbox[key];

/** The simulator's sessions of `type` this run left running. */
const runningSessions = (sim, type = 'Vex') =>
	[...sim.state.sessions.values()].filter((s) => s.type === type && s.state !== 'Stopped');

module.exports = { mailParameters, runMail, readMsg, mailItem, mailbox, runningSessions };
