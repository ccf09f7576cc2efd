// `n8n-node build` already copies icons; this task remains for contributors who run tsc by hand.
const { src, dest } = require('gulp');

function buildIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));
}

exports['build:icons'] = buildIcons;
