'use strict';
// The OneDrive part of the data model: OneDrives of the contoso organization with nested folders
// and documents (awkward names, several versions). IDs as Veeam's specs give them: folders and
// documents are GUIDs (format uuid), versions int32 (here SharePoint's 512 per major version);
// the OneDrive ID has no format in the specs and is a GUID here. 1,050 filler OneDrives come before the
// people, so finding a person's OneDrive by address needs more than one page of 1,000.
const { kindOf } = require('./content');

const FILLER_ONEDRIVES = 1050;
const HOST = 'https://contoso-my.sharepoint.com/personal';

const personal = (email) => email.toLowerCase().replace(/[^a-z0-9]/g, '_');

// Folder paths below the top of the OneDrive; documents name the folder they sit in.
const PEOPLE = [
	{
		key: 'anna',
		name: 'Anna Meier',
		email: 'anna.meier@contoso.com',
		folders: [
			'Projects',
			'Projects/Fabrikam',
			'Projects/Fabrikam/Contracts',
			'Empty folder',
			'Archive',
		],
		documents: [
			{
				key: 'budget',
				folder: '',
				name: 'Budget 2024.xlsx',
				versions: [
					{ sizeBytes: 18230, modified: '2024-04-22T09:00:00Z' },
					{ sizeBytes: 21877, modified: '2024-04-29T16:40:00Z' },
					{ sizeBytes: 24511, modified: '2024-05-02T11:05:00Z' },
				],
			},
			{
				key: 'nda',
				folder: 'Projects/Fabrikam',
				name: 'Contoso NDA.docx',
				versions: [{ sizeBytes: 48211, modified: '2024-04-30T08:14:00Z' }],
			},
			{
				key: 'notes',
				folder: 'Projects/Fabrikam',
				name: 'notes 100% final; v2.txt',
				versions: [{ sizeBytes: 3071, modified: '2024-04-25T13:20:00Z' }],
			},
			{
				key: 'contract',
				folder: 'Projects/Fabrikam/Contracts',
				name: 'Vertrag #3 – Entwurf (final).pdf',
				versions: [
					{ sizeBytes: 90112, modified: '2024-04-18T10:00:00Z' },
					{ sizeBytes: 91433, modified: '2024-04-26T10:00:00Z' },
				],
			},
			{
				key: 'memo',
				folder: 'Projects/Fabrikam/Contracts',
				name: '見積書 メモ.txt',
				versions: [{ sizeBytes: 1200, modified: '2024-04-27T07:30:00Z' }],
			},
			{
				// The same name as the top-level budget, in another folder.
				key: 'oldBudget',
				folder: 'Archive',
				name: 'Budget 2024.xlsx',
				versions: [{ sizeBytes: 15003, modified: '2023-12-01T10:00:00Z' }],
			},
			{
				key: 'photo',
				folder: 'Projects',
				name: 'Site photo.png',
				versions: [{ sizeBytes: 150000, modified: '2024-03-02T12:00:00Z' }],
			},
		],
	},
	{
		key: 'ben',
		name: 'Ben Okafor',
		email: 'ben.okafor@contoso.com',
		folders: ['Shared'],
		documents: [
			{
				key: 'benBudget',
				folder: 'Shared',
				name: 'Budget 2024.xlsx',
				versions: [{ sizeBytes: 17002, modified: '2024-04-20T08:00:00Z' }],
			},
		],
	},
];

/**
 * Benchmark data (option `oneDriveBench`): folder "Bench" with one file per large size
 * ("large-<MiB>.bin") and folder "Many" with `folderFiles` small files in ten subfolders.
 */
function benchPerson(bench) {
	const documents = (bench.largeSizes || []).map((size, n) => ({
		key: `large${n}`,
		folder: 'Bench',
		name: `large-${Math.round(size / 2 ** 20)}.bin`,
		versions: [{ sizeBytes: size, modified: '2024-05-01T12:00:00Z' }],
	}));
	const folders = ['Bench', 'Many'];
	const count = bench.folderFiles || 0;
	for (let sub = 0; sub < Math.min(10, count); sub++) folders.push(`Many/part ${sub}`);
	for (let n = 0; n < count; n++) {
		documents.push({
			key: `small${n}`,
			folder: `Many/part ${n % 10}`,
			name: `note ${String(n).padStart(4, '0')}.txt`,
			versions: [{ sizeBytes: 2048 + ((n * 37) % 4096), modified: '2024-05-01T12:00:00Z' }],
		});
	}
	return { folders, documents };
}

function buildOneDrive(seed, organization, uuidFrom, bench) {
	const people = bench
		? PEOPLE.map((p) =>
				p.key === 'anna'
					? {
							...p,
							folders: [...p.folders, ...benchPerson(bench).folders],
							documents: [...p.documents, ...benchPerson(bench).documents],
						}
					: p,
			)
		: PEOPLE;
	const oneDrives = [];
	const folders = [];
	const documents = [];
	const byKey = { oneDrive: {}, folder: {}, document: {} };
	for (let n = 1; n <= FILLER_ONEDRIVES; n++) {
		const number = String(n).padStart(4, '0');
		oneDrives.push({
			id: uuidFrom(seed, `onedrive:filler:${number}`),
			organizationId: organization.id,
			name: `Former Employee ${number}`,
			url: `${HOST}/former${number}_contoso_com`,
		});
	}
	for (const person of people) {
		const oneDrive = {
			id: uuidFrom(seed, `onedrive:${person.key}`),
			organizationId: organization.id,
			key: person.key,
			name: person.name,
			email: person.email,
			url: `${HOST}/${personal(person.email)}`,
		};
		oneDrives.push(oneDrive);
		byKey.oneDrive[person.key] = oneDrive;
		const folderOf = { '': null };
		for (const path of person.folders) {
			const parts = path.split('/');
			const folder = {
				id: uuidFrom(seed, `folder:${person.key}:${path}`),
				oneDriveId: oneDrive.id,
				name: parts[parts.length - 1],
				path,
				parentId: folderOf[parts.slice(0, -1).join('/')]?.id ?? null,
				modified: '2024-03-01T09:00:00Z',
				createdBy: person.name,
			};
			folders.push(folder);
			folderOf[path] = folder;
			byKey.folder[`${person.key}:${path}`] = folder;
		}
		for (const raw of person.documents) {
			const id = uuidFrom(seed, `document:${person.key}:${raw.key}`);
			const versions = raw.versions.map((v, index) => ({
				versionId: 512 * (index + 1),
				version: `${index + 1}.0`,
				sizeBytes: v.sizeBytes,
				modified: v.modified,
				// Each version has its own bytes.
				contentId: `${id}:${512 * (index + 1)}`,
				kind: kindOf(raw.name),
				name: raw.name,
				id: `${id}:${512 * (index + 1)}`,
			}));
			const document = {
				id,
				oneDriveId: oneDrive.id,
				key: raw.key,
				name: raw.name,
				folderPath: raw.folder,
				parentId: raw.folder === '' ? null : folderOf[raw.folder].id,
				createdBy: person.name,
				versions,
			};
			documents.push(document);
			byKey.document[raw.key] = document;
		}
	}
	return { oneDrives, folders, documents, byKey };
}

module.exports = { buildOneDrive, FILLER_ONEDRIVES };
