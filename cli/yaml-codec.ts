/**
 * The CLI's YAML codec for frontmatter: the `yaml` package (Obsidian is absent here; the plugin
 * registers Obsidian's parseYaml / stringifyYaml instead). Long values stay on one line.
 */
import { parse, stringify } from "yaml";
import { setYamlCodec, type YamlCodec } from "../shared/markdown/yaml-codec";

export const yamlPackageCodec: YamlCodec = {
  parse: (text) => parse(text) as unknown,
  stringify: (value) => stringify(value, { lineWidth: 0 }),
};

export function useYamlPackage(): void {
  setYamlCodec(yamlPackageCodec);
}
