// YAML as moderators write it (front matter, aliases, glossary, synonyms), parsed by js-yaml: it
// checks for duplicate keys in linear time, where `yaml` took half a second on a 3,000-entry
// glossary. The core schema keeps "2024-06-19" a string (the default one would make it a Date).
import { CORE_SCHEMA, load } from 'js-yaml';

/** The value of a YAML document; throws on invalid YAML or a key given twice. */
export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
