'use strict';
// The Jira Server credential the Jira example references (id jiraServerCredential1), pointing
// at a fake Jira (tools/fakes/jira) or any Jira Server / Data Center.

const JIRA_CREDENTIAL_ID = 'jiraServerCredential1';

function jiraCredential({ url, login }) {
	return {
		id: JIRA_CREDENTIAL_ID,
		name: 'Jira Server account',
		type: 'jiraSoftwareServerApi',
		data: { email: login.username, password: login.password, domain: url },
	};
}

module.exports = { JIRA_CREDENTIAL_ID, jiraCredential };
