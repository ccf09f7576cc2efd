module.exports = {
	// Tests live only in test/; tools/ is the shared tooling they import and has none.
	roots: ['<rootDir>/test'],
	testMatch: ['**/test/**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/dist/'],
	testTimeout: 60000,
	testEnvironment: 'node',
};
