'use strict';
// The SharePoint document calls of the simulator's contract run (contract.test.js): a Vesp
// session, a site's libraries, folders, documents and versions, saves of a document, a version,
// a folder and a library, sends of the same, with some refusals.

async function driveSiteDocuments(sim, v, { get, post }) {
	const org = sim.fixture.organization('contoso');
	const { byKey } = sim.fixture.siteDocuments;
	const library = byKey.library.legalDocs;
	const nda = byKey.document.nda;
	const folder = byKey.folder['legalDocs:NDA'];
	const missing = '00000000-0000-4000-8000-000000000000';
	const explore = { type: 'Vesp', showDeleted: true, showAllVersions: true };
	if (v >= 8) explore.repositoryId = null;
	const rid = (await post(`/Organizations/${org.id}/explore`, explore)).json.id;
	const site = `/RestoreSessions/${rid}/Organization/Sites/${nda.siteId}`;

	await get(`${site}/Libraries`);
	await get(`${site}/Folders?parentId=${library.id}`);
	await get(`${site}/Folders?parentId=root`);
	await get(`${site}/Documents?parentId=${folder.id}`);
	await get(`${site}/Documents?parentId=${missing}`);
	await get(`${site}/Documents/${nda.id}`);
	await get(`${site}/Documents/${missing}`);
	await get(`${site}/Documents/${nda.id}/Versions/512`);
	await post(`${site}/Documents/${nda.id}/save`, { asZip: false });
	await post(`${site}/Documents/${nda.id}/save`, { asZip: true });
	await post(`${site}/Documents/${nda.id}/Versions/512/save`, { asZip: false });
	await post(`${site}/Folders/${folder.id}/save`);
	await post(`${site}/Libraries/${library.id}/save`);
	await post(`${site}/Libraries/${missing}/save`);
	const found = await post(`${site}/Libraries/${library.id}/search?itemType=Items&limit=1`, {
		query: 'datemodified:>=2024-01-01',
	});
	await post(`${site}/Libraries/${library.id}/search?offset=1&limit=1&setId=${found.json.setId}`, {
		query: 'datemodified:>=2024-01-01',
	});
	await post(`${site}/Folders/${folder.id}/search?itemType=Items`, { query: 'filename:*.docx' });
	await post(`${site}/Folders/${folder.id}/search`, { query: 'unknowncriteria:x' });
	const message = { to: 'anna.meier@contoso.com', subject: 'Restored', text: 'Here it is.' };
	await post(`${site}/Documents/${nda.id}/send`, message);
	await post(`${site}/Documents/${nda.id}/Versions/512/send`, message);
	await post(`${site}/Folders/${folder.id}/send`, { ...message, from: 'backup@contoso.com' });
	await post(`${site}/Libraries/${library.id}/send`, message);
	await post(`${site}/Documents/${nda.id}/send`, { to: 'not an address' });
	sim.setEmailSettings(false);
	await post(`${site}/Libraries/${library.id}/send`, message);
	sim.setEmailSettings(true);
	await post(`/RestoreSessions/${rid}/Stop`);
}

module.exports = { driveSiteDocuments };
