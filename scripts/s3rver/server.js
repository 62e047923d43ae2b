// Starts s3rver (the S3-compatible test server) with a request log, for scripts/lib/s3.sh.
//   node server.js PORT DATA_DIR BUCKET LOG_FILE
// Each request is one log line, written when it arrives, before s3rver acts on it:
//   <ISO time> <METHOD> <path?query> <User-Agent>
// so that a test can prove which methods a client sent. Prints "listening <port>" when ready.
'use strict';

const fs = require('fs');
const path = require('path');

const [port, directory, bucket, logFile] = process.argv.slice(2);
if (!port || !directory || !bucket || !logFile) {
  console.error('usage: node server.js PORT DATA_DIR BUCKET LOG_FILE');
  process.exit(2);
}

// s3rver is installed next to this script's copy under .cache/s3rver (see s3.sh).
const S3rver = require(path.join(process.env.SIGHTLINE_S3RVER_MODULES || '', 's3rver'));
const log = fs.createWriteStream(logFile, { flags: 'a' });

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [] }],
});

server.run().then((address) => {
  server.httpServer.prependListener('request', (req) => {
    const agent = (req.headers['user-agent'] || '-').replace(/\s+/g, '_');
    log.write(`${new Date().toISOString()} ${req.method} ${req.url} ${agent}\n`);
  });
  console.log(`listening ${address.port}`);
}).catch((err) => {
  console.error(`s3rver: ${err.message}`);
  process.exit(err.code === 'EADDRINUSE' ? 98 : 1);
});

const stop = () => server.close().finally(() => log.end(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
