'use strict';
// The Teams part of the data model: teams of the contoso organization, their channels, and the
// channel files (folders nested, awkward names, several versions). IDs as Veeam's specs and Graph
// give them: teams and files are GUIDs (format uuid), channels look like Graph channel IDs
// ("19:<32 hex>@thread.tacv2"), versions int32 (SharePoint's 512 per major version, as Teams
// files live in SharePoint). 40 filler teams come before the named ones, so a team list of 30 needs
// a second page to reach "Project Phoenix".
const { kindOf } = require('./content');

const FILLER_TEAMS = 40;
const FOLDER_TIME = '2024-03-04T09:00:00Z';

const TEAMS = [
	{
		key: 'phoenix',
		displayName: 'Project Phoenix',
		groupEmail: 'phoenix@contoso.com',
		privacy: 'Private',
		owner: 'Anna Meier',
		channels: [
			{
				key: 'general',
				displayName: 'General',
				folders: ['Specs', 'Specs/Drafts & Notes'],
				files: [
					{
						key: 'kickoff',
						folder: '',
						name: 'Kickoff deck.pptx',
						versions: [{ sizeBytes: 412880, modified: '2024-03-05T10:30:00Z' }],
					},
					{
						key: 'spec',
						folder: 'Specs',
						name: 'Spec v2.docx',
						versions: [{ sizeBytes: 58120, modified: '2024-04-10T15:12:00Z' }],
					},
					{
						key: 'draft',
						folder: 'Specs/Drafts & Notes',
						name: 'draft #1 (final?).txt',
						versions: [{ sizeBytes: 4242, modified: '2024-04-11T08:05:00Z' }],
					},
				],
			},
			{
				key: 'design',
				displayName: 'Design Reviews',
				folders: [],
				files: [
					{
						key: 'review',
						folder: '',
						name: 'Review notes 100%.docx',
						versions: [
							{ sizeBytes: 20480, modified: '2024-04-02T09:00:00Z' },
							{ sizeBytes: 26311, modified: '2024-04-16T14:45:00Z' },
							{ sizeBytes: 31007, modified: '2024-04-29T17:20:00Z' },
						],
					},
				],
			},
		],
	},
	{
		key: 'sales',
		displayName: 'Sales EMEA',
		groupEmail: 'sales.emea@contoso.com',
		privacy: 'Public',
		owner: 'Ben Okafor',
		channels: [
			{
				key: 'general',
				displayName: 'General',
				folders: [],
				files: [
					{
						key: 'pipeline',
						folder: '',
						name: 'Pipeline Q3.xlsx',
						versions: [{ sizeBytes: 36864, modified: '2024-04-24T12:00:00Z' }],
					},
				],
			},
		],
	},
];

function fillerTeams() {
	return Array.from({ length: FILLER_TEAMS }, (_, n) => {
		const number = String(n + 1).padStart(3, '0');
		return {
			key: `filler${number}`,
			displayName: `Team ${number}`,
			groupEmail: `team${number}@contoso.com`,
			privacy: 'Public',
			owner: 'Contoso Admin',
			filler: true,
			channels: [{ key: 'general', displayName: 'General', folders: [], files: [] }],
		};
	});
}

const channelIdFrom = (uuid) => `19:${uuid.replace(/-/g, '')}@thread.tacv2`;

function buildTeams(seed, organization, uuidFrom) {
	const teams = [];
	const channels = [];
	const folders = [];
	const files = [];
	const byKey = { team: {}, channel: {}, folder: {}, file: {} };
	for (const raw of [...fillerTeams(), ...TEAMS]) {
		const team = {
			id: uuidFrom(seed, `team:${raw.key}`),
			organizationId: organization.id,
			key: raw.key,
			displayName: raw.displayName,
			groupEmail: raw.groupEmail,
			alias: raw.groupEmail.split('@')[0],
			privacy: raw.privacy,
			isArchived: false,
		};
		teams.push(team);
		if (!raw.filler) byKey.team[raw.key] = team;
		for (const rawChannel of raw.channels) {
			const label = `${raw.key}:${rawChannel.key}`;
			const channel = {
				id: channelIdFrom(uuidFrom(seed, `channel:${label}`)),
				teamId: team.id,
				key: rawChannel.key,
				displayName: rawChannel.displayName,
			};
			channels.push(channel);
			if (!raw.filler) byKey.channel[label] = channel;
			const folderOf = { '': null };
			for (const path of rawChannel.folders) {
				const parts = path.split('/');
				const folder = {
					id: uuidFrom(seed, `teams-folder:${label}:${path}`),
					teamId: team.id,
					channelId: channel.id,
					fileType: 'Folder',
					name: parts[parts.length - 1],
					path,
					parentId: folderOf[parts.slice(0, -1).join('/')]?.id ?? null,
					modified: FOLDER_TIME,
					modifiedBy: raw.owner,
				};
				folders.push(folder);
				folderOf[path] = folder;
				byKey.folder[`${label}:${path}`] = folder;
			}
			for (const rawFile of rawChannel.files) {
				const id = uuidFrom(seed, `teams-file:${label}:${rawFile.key}`);
				const versions = rawFile.versions.map((v, index) => ({
					version: 512 * (index + 1),
					uiVersion: `${index + 1}.0`,
					sizeBytes: v.sizeBytes,
					modified: v.modified,
					// Each version has its own bytes.
					contentId: `${id}:${512 * (index + 1)}`,
					kind: kindOf(rawFile.name),
					name: rawFile.name,
				}));
				const file = {
					id,
					teamId: team.id,
					channelId: channel.id,
					fileType: 'File',
					key: rawFile.key,
					name: rawFile.name,
					folderPath: rawFile.folder,
					parentId: rawFile.folder === '' ? null : folderOf[rawFile.folder].id,
					modified: versions[versions.length - 1].modified,
					modifiedBy: raw.owner,
					versions,
				};
				files.push(file);
				byKey.file[rawFile.key] = file;
			}
		}
	}
	return {
		teams,
		channels,
		folders,
		files,
		byKey,
		/** A named team by key: `phoenix`, `sales`. */
		team: (key) => byKey.team[key],
		/** A channel by team key and channel key: (`phoenix`, `general` | `design`), (`sales`, `general`). */
		channel: (teamKey, key) => byKey.channel[`${teamKey}:${key}`],
		/** A file by key: `kickoff`, `spec`, `draft`, `review`, `pipeline`. */
		file: (key) => byKey.file[key],
		/** A folder by team key, channel key and path: (`phoenix`, `general`, `Specs/Drafts & Notes`). */
		folder: (teamKey, channelKey, path) => byKey.folder[`${teamKey}:${channelKey}:${path}`],
	};
}

module.exports = { buildTeams, FILLER_TEAMS };
