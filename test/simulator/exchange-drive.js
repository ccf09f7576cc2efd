'use strict';
// The Exchange calls of the simulator's contract run (contract.test.js): a Vex session, its
// mailboxes, folders, items, searches, saves, sends and email settings, with some refusals.

async function driveExchange(sim, v, { get, post }) {
	const org = sim.fixture.organization('contoso');
	const { byKey } = sim.fixture.exchange;
	const anna = byKey.mailbox.anna;
	const nda = byKey.item.nda;
	const budget = byKey.item.budget;
	const deleted = byKey.folder['anna:deleted'];
	const missing = '00000000-0000-4000-8000-000000000000';
	const explore = { type: 'Vex', showDeleted: true, showAllVersions: false };
	if (v >= 8) explore.repositoryId = null;
	const rid = (await post(`/Organizations/${org.id}/explore`, explore)).json.id;
	const mbx = `/RestoreSessions/${rid}/Organization/Mailboxes`;
	const items = `${mbx}/${anna.id}/Items`;

	await get(`${mbx}?offset=1000&limit=100`);
	await get(`${mbx}/${anna.id}`);
	await get(`${mbx}/${missing}`);
	await get(`${mbx}/${anna.id}/Folders?name=Inbox`);
	await get(`${mbx}/${anna.id}/Folders/${deleted.id}`);
	await get(`${items}?${v === 6 ? 'folderId' : 'parentId'}=${encodeURIComponent(deleted.id)}`);
	await get(`${items}/${nda.id}`);
	const found = await post(`${mbx}/${anna.id}/search?limit=1`, { query: 'received:>=2024-04-01' });
	await post(`${mbx}/${anna.id}/search?offset=1&limit=1&setId=${found.json.setId}`, {
		query: 'received:>=2024-04-01',
	});
	await post(`${mbx}/${anna.id}/search`, { query: 'unknowncriteria:x' });
	await post(`${mbx}/${anna.id}/Folders/${deleted.id}/search`, { query: 'subject:NDA' });
	await post(`${items}/${nda.id}/save`);
	await post(`${items}/Save`, { items: [{ id: nda.id }, { id: budget.id }] });
	await post(`${items}/Save`, { items: [{ id: byKey.item.benNda.id }] });
	await get('/VexEmailSettings');
	await post(`${items}/${nda.id}/sendToDefaultAddress`);
	await post(`${items}/sendToDefaultAddress`, { items: [{ id: nda.id }, { id: budget.id }] });
	await post(`${items}/${nda.id}/sendToDifferentAddress`, {
		from: 'helpdesk@contoso.com',
		to: 'anna.meier@contoso.com',
		subject: 'Restored mail',
		text: 'Here it is.',
	});
	await post(`${items}/sendToDifferentAddress`, {
		items: [{ id: nda.id }],
		to: 'anna.meier@contoso.com',
	});
	await post(`${items}/${nda.id}/exportToPst`, { enablePstSizeLimit: false });
	sim.options.outlookInstalled = true;
	await post(`${items}/${nda.id}/exportToPst`, { enablePstSizeLimit: false });
	await post(`${items}/exportToPst`, { items: [{ id: nda.id }], enablePstSizeLimit: false });
	await post(`${mbx}/${anna.id}/Folders/${deleted.id}/exportToPst`, { enablePstSizeLimit: false });
	await post(`${mbx}/${anna.id}/exportToPst`, {
		enablePstSizeLimit: true,
		pstSizeLimitBytes: 2 ** 30,
	});
	await post(`${mbx}/${anna.id}/exportToPst`, { enablePstSizeLimit: true, pstSizeLimitBytes: 5 });
	sim.options.outlookInstalled = false;
	sim.setEmailSettings(false);
	await post(`${items}/${nda.id}/sendToDefaultAddress`);
	sim.setEmailSettings(true);
	await post(`/RestoreSessions/${rid}/Stop`);
	await get(`${mbx}`);
}

module.exports = { driveExchange };
