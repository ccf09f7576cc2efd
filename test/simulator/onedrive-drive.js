'use strict';
// The OneDrive calls of the simulator's contract run (contract.test.js): a Veod session, its
// OneDrives, folders, documents, versions, searches, saves, sends and email settings, with some
// refusals.

/** A document as the simulator lists it, without links, as the specs want it in a request body. */
function asListed(response) {
	const { _links: links, ...fields } = response.json;
	void links;
	return fields;
}

async function driveOneDrive(sim, v, { get, post }) {
	const org = sim.fixture.organization('contoso');
	const { byKey } = sim.fixture.oneDrive;
	const anna = byKey.oneDrive.anna;
	const nda = byKey.document.nda;
	const budget = byKey.document.budget;
	const fabrikam = byKey.folder['anna:Projects/Fabrikam'];
	const missing = '00000000-0000-4000-8000-000000000000';
	const explore = { type: 'Veod', showDeleted: true, showAllVersions: true };
	if (v >= 8) explore.repositoryId = null;
	const rid = (await post(`/Organizations/${org.id}/explore`, explore)).json.id;
	const ods = `/RestoreSessions/${rid}/Organization/OneDrives`;
	const od = `${ods}/${anna.id}`;

	await get(`${ods}?offset=1000&limit=100`);
	await get(od);
	await get(`${ods}/${missing}`);
	await get(`${od}/Folders`);
	await get(`${od}/Folders?parentId=${fabrikam.id}`);
	const fabrikamListed = asListed(await get(`${od}/Folders/${fabrikam.id}`));
	await get(`${od}/Documents?parentId=${fabrikam.id}`);
	const ndaListed = asListed(await get(`${od}/Documents/${nda.id}`));
	const budgetListed = asListed(await get(`${od}/Documents/${budget.id}`));
	await get(`${od}/Documents/${missing}`);
	await get(`${od}/Documents/${budget.id}/Versions`);
	await get(`${od}/Documents/${budget.id}/Versions/512`);
	const found = await post(`${od}/search?limit=1`, { query: 'datemodified:>=2024-01-01' });
	await post(`${od}/search?offset=1&limit=1&setId=${found.json.setId}`, {
		query: 'datemodified:>=2024-01-01',
	});
	await post(`${od}/search`, { query: 'unknowncriteria:x' });
	await post(`${od}/Folders/${fabrikam.id}/search`, { query: 'filename:*.docx' });
	await post(`${od}/Documents/${nda.id}/save`, { asZip: false });
	await post(`${od}/Documents/${nda.id}/save`, { asZip: true });
	await post(`${od}/Documents/${budget.id}/Versions/1024/save`, { asZip: false });
	await post(`${od}/Documents/save`, { documents: [ndaListed, budgetListed] });
	await post(`${od}/Folders/${fabrikam.id}/save`);
	await post(`${od}/Folders/save`, { folders: [fabrikamListed] });
	await post(`${od}/save`);
	await get('/VeodEmailSettings');
	const message = { to: 'anna.meier@contoso.com', subject: 'Restored', text: 'Here it is.' };
	await post(`${od}/Documents/${nda.id}/send`, message);
	await post(`${od}/Documents/${budget.id}/Versions/512/send`, message);
	await post(`${od}/Documents/send`, { documents: [ndaListed, budgetListed], ...message });
	await post(`${od}/Folders/${fabrikam.id}/send`, { ...message, from: 'backup@contoso.com' });
	await post(`${od}/Folders/send`, { folders: [fabrikamListed], ...message });
	await post(`${od}/send`, message);
	await post(`${od}/Documents/${nda.id}/send`, { to: 'not an address' });
	sim.setEmailSettings(false);
	await post(`${od}/Documents/${nda.id}/send`, message);
	sim.setEmailSettings(true);
	await post(`/RestoreSessions/${rid}/Stop`);
	await get(ods);
}

module.exports = { driveOneDrive };
