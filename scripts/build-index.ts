// npm run build-index: load the corpus, report every problem (and fail on any), then write the
// serialized index with the corpus hash and analyzer version to DATA_DIR/index.bin.
import { ANALYZER_VERSION } from '../src/core/analyzer.js';
import { buildIndex } from '../src/core/passage-index.js';
import { saveIndex } from '../src/ingest/index-file.js';
import { loadDossier } from '../src/ingest/load.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_DATA_DIR, indexFileIn } from '../src/paths.js';

const corpusDir = process.env['CORPUS_DIR'] ?? DEFAULT_CORPUS_DIR;
const indexFile = indexFileIn(process.env['DATA_DIR'] ?? DEFAULT_DATA_DIR);
const { dossier, problems } = loadDossier(corpusDir);
for (const p of problems) console.error(`hoso: ${p.file}: ${p.problem}`);
if (!dossier || problems.length > 0 || dossier.passages.length === 0) {
  console.error(`hoso: build-index failed: ${problems.length} problem(s) in ${corpusDir}${dossier?.passages.length === 0 ? ' (no passages)' : ''}`);
  process.exit(1);
}
const started = performance.now();
const index = buildIndex(dossier);
saveIndex(index, indexFile);
const ms = (performance.now() - started).toFixed(0);
console.log(`hoso: indexed ${dossier.articles.length} articles, ${dossier.passages.length} passages in ${ms} ms -> ${indexFile} (dossier ${dossier.version}, analyzer v${ANALYZER_VERSION})`);
