'use strict';
// Jira Server REST shapes (API v2) of the fake's issues, attachments, comments and users.

function user(name) {
	return { name, key: name, displayName: name, emailAddress: `${name}@contoso.com`, active: true };
}

function attachmentJson(base, attachment) {
	return {
		self: `${base}/rest/api/2/attachment/${attachment.id}`,
		id: attachment.id,
		filename: attachment.filename,
		author: user(attachment.author),
		created: attachment.created,
		size: attachment.content.length,
		mimeType: attachment.mimeType,
		content: `${base}/secure/attachment/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
	};
}

function commentJson(base, issue, comment) {
	return {
		self: `${base}/rest/api/2/issue/${issue.id}/comment/${comment.id}`,
		id: comment.id,
		author: user(comment.author),
		body: comment.body,
		created: comment.created,
		updated: comment.created,
	};
}

function issueJson(base, issue) {
	return {
		id: issue.id,
		self: `${base}/rest/api/2/issue/${issue.id}`,
		key: issue.key,
		fields: {
			summary: issue.summary,
			description: issue.description,
			project: { key: issue.project, name: issue.project },
			issuetype: { name: 'Service Request' },
			reporter: user(issue.reporter),
			created: issue.created,
			attachment: issue.attachments.map((a) => attachmentJson(base, a)),
			comment: {
				comments: issue.comments.map((c) => commentJson(base, issue, c)),
				maxResults: issue.comments.length,
				total: issue.comments.length,
				startAt: 0,
			},
		},
	};
}

/** The body Jira Server POSTs to a webhook for an event about `issue`. */
function issueEvent(base, issue, webhookEvent = 'jira:issue_created') {
	return {
		timestamp: Date.now(),
		webhookEvent,
		issue_event_type_name: webhookEvent.replace(/^jira:/, ''),
		user: user(issue.reporter),
		issue: issueJson(base, issue),
	};
}

module.exports = { user, attachmentJson, commentJson, issueJson, issueEvent };
