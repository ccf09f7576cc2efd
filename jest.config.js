module.exports = {
	testMatch: ['**/test/**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/dist/'],
	testTimeout: 60000,
	testEnvironment: 'node',
};
