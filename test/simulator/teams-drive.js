'use strict';
// The Teams calls of the simulator's contract run (contract.test.js): a Vet session, its teams,
// channels, files, versions, searches, saves, sends and email settings, with some refusals.

/** A file as the simulator lists it, without links, as the specs want it in a request body. */
function asListed(response) {
	const { _links: links, ...fields } = response.json;
	void links;
	return fields;
}

async function driveTeams(sim, v, { get, post, put }) {
	const org = sim.fixture.organization('contoso');
	const teams = sim.fixture.teams;
	const phoenix = teams.team('phoenix');
	const general = teams.channel('phoenix', 'general');
	const design = teams.channel('phoenix', 'design');
	const specs = teams.folder('phoenix', 'general', 'Specs');
	const spec = teams.file('spec');
	const review = teams.file('review');
	const missing = '00000000-0000-4000-8000-000000000000';
	const explore = { type: 'Vet', showDeleted: false, showAllVersions: true };
	if (v >= 8) explore.repositoryId = null;
	const rid = (await post(`/Organizations/${org.id}/explore`, explore)).json.id;
	const base = `/RestoreSessions/${rid}/organization/teams`;
	const team = `${base}/${phoenix.id}`;
	const ch = (c) => encodeURIComponent(c.id);
	// One file: v6/v7 `…/files/{f}`, v8 `…/channels/{c}/files/{f}`.
	const one = (file, channel) =>
		v >= 8 ? `${team}/channels/${ch(channel)}/files/${file.id}` : `${team}/files/${file.id}`;

	await get(`${base}?offset=30&limit=30`);
	await get(`${base}?displayName=phoenix`);
	await get(team);
	await get(`${base}/${missing}`);
	await get(`${team}/channels?displayName=design`);
	await get(`${team}/channels/${ch(general)}`);
	await get(`${team}/channels/${ch({ id: '19:0000@thread.tacv2' })}`);
	await get(`${team}/files?channelId=${ch(general)}&parentId=root&limit=5`);
	await get(`${team}/files?channelId=${ch(general)}&parentId=${specs.id}`);
	if (v >= 7) await get(`${team}/files?channelId=${ch(general)}&foldersOnly=true`);
	await get(`${team}/files?parentId=${spec.id}`);
	const specListed = asListed(await get(one(spec, general)));
	const reviewListed = asListed(await get(one(review, design)));
	const specsListed = asListed(await get(one(specs, general)));
	await get(one({ id: missing }, general));
	if (v >= 7) {
		await get(`${one(review, design)}/versions`);
		await get(`${one(specs, general)}/versions`);
	}
	await post(`${team}/files/search?limit=1`, { query: 'datemodified:>=2024-01-01' });
	await post(`${team}/files/search`, { query: 'filename:*.docx' });
	if (v >= 7)
		await post(`${team}/files/search?channelId=${ch(general)}&parentId=${specs.id}`, {
			query: 'draft',
		});
	await post(`${team}/files/search`, { query: 'unknowncriteria:x' });
	await post(`${one(spec, general)}/save`, { asZip: false });
	await post(`${one(review, design)}/save`, { asZip: true });
	await post(`${one(specs, general)}/save`, { asZip: false });
	await post(`${team}/files/save`, { files: [specListed, reviewListed] });
	await post(`${team}/files/save`, { channelId: general.id, files: [specsListed] });
	await post(`${team}/files/save`, { channelId: general.id });
	await post(`${team}/files/save`, {});

	await get('/VetEmailSettings');
	sim.setEmailSettings(false);
	const message = { to: 'anna.meier@contoso.com', subject: 'Restored', text: 'Here it is.' };
	await post(`${one(spec, general)}/send`, message);
	await post(v >= 8 ? '/VetEmailSettings/SendTestEmail' : '/VetEmailSettings/sendTest', {
		email: 'ops@contoso.com',
	});
	await put('/VetEmailSettings', {
		enableNotification: true,
		server: 'smtp.contoso.com',
		port: 587,
		from: 'vb365@contoso.com',
		useAuthentication: false,
		useSSL: true,
	});
	await put('/VetEmailSettings', { port: 'not-a-port' });
	await post(v >= 8 ? '/VetEmailSettings/SendTestEmail' : '/VetEmailSettings/sendTest', {
		email: 'ops@contoso.com',
	});
	await post(`${one(spec, general)}/send`, message);
	await post(`${team}/files/send`, { files: [specListed, reviewListed], ...message });
	await post(`${team}/files/send`, {
		channelId: general.id,
		...message,
		from: 'backup@contoso.com',
	});
	await post(`${team}/files/send`, { channelId: general.id, to: 'not an address' });
	sim.setEmailSettings(true);
	await post(`/RestoreSessions/${rid}/Stop`);
	await get(base);
}

module.exports = { driveTeams };
