'use strict';
// Reading `n8n execute --rawOutput`: the run JSON among n8n's log lines.
const { parseRunOutput } = require('../../tools/n8n/n8n');

const run = {
	data: { resultData: { runData: { Save: [{ data: { main: [[{ json: { a: 1 } }]] } }] } } },
	status: 'success',
};
const pretty = JSON.stringify(run, null, 2);

test('finds the run between log lines, also when a task runner logs after it', () => {
	expect(
		parseRunOutput(`Starting execution\n${pretty}\nRegistered runner "JS Task Runner" (x)\n`),
	).toEqual(run);
	expect(parseRunOutput(`{ not json\n${pretty}\n`)).toEqual(run);
	expect(parseRunOutput(JSON.stringify(run))).toEqual(run);
});

test('no complete object gives undefined', () => {
	expect(parseRunOutput('Execution failed\n{\n  "data": {')).toBeUndefined();
	expect(parseRunOutput('')).toBeUndefined();
});
