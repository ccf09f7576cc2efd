'use strict';
// One plain address (local@domain.tld); display names and lists are not accepted.
const EMAIL =
	/^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const isEmail = (s) => typeof s === 'string' && s.length <= 254 && EMAIL.test(s);

module.exports = { isEmail };
