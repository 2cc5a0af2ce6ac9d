/* The settings reference, printed from the schema: readable text, or the tables of
 * scenarios/README.md. */
#include "models/scenario/schema.h"

#include <stdint.h>
#include <string.h>

/* The README's tables, in its order: each names the groups it documents. */
static const char *const sections[] = {
	"top", "channels", "queues", "queues.priorities", "queues.pause", "queues.silent",
	"queues.callback queues.dialing", "queues.redial queues.balk", "queues.rings", "queues.transfer", "agents",
	"agents.shifts agents.profile", "agents.planned", "agents.unplanned",
	"agents.answer agents.rona", "agents.outbound", "routing_profiles", "routing", "regions",
	"output",
};

const struct cc_setting *cc_schema_row(const struct cc_schema *schema, const char *key)
{
	for (size_t i = 0; i < schema->n; i++)
		if (strcmp(schema->rows[i].key, key) == 0)
			return &schema->rows[i];
	return NULL;
}

const struct cc_schema *cc_schema_find(const char *path)
{
	const struct cc_schema *s = &cc_schema_scenario;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	char *save = NULL;
	for (char *c = strtok_r(buf, ".", &save); c; c = strtok_r(NULL, ".", &save)) {
		if (c[0] == '[' || c[0] == '<')
			continue;
		const struct cc_setting *row = s ? cc_schema_row(s, c) : NULL;
		if (!row || !row->sub)
			return NULL;
		s = row->sub;
	}
	return s;
}

static void append(char *buf, size_t len, const char *text)
{
	size_t used = strlen(buf);
	snprintf(buf + used, len - used, "%s", text);
}

static void range(char *buf, size_t len, const char *what, const struct cc_setting *row)
{
	size_t used = strlen(buf);
	if (row->hi >= (double)INT64_MAX)
		snprintf(buf + used, len - used, "%s >= %.0f", what, row->lo);
	else
		snprintf(buf + used, len - used, "%s %.0f..%.0f", what, row->lo, row->hi);
}

void cc_schema_type_text(const struct cc_setting *row, char *buf, size_t len)
{
	static const char *const plain[] = {
		[CC_SETTING_TEXT] = "string", [CC_SETTING_NAME] = "name",
		[CC_SETTING_SHARE] = "share 0..1", [CC_SETTING_TIME] = "duration or clock time",
		[CC_SETTING_CLOCK] = "clock time", [CC_SETTING_BOOL] = "boolean",
		[CC_SETTING_DIST] = "distribution", [CC_SETTING_TIMING] = "duration or distribution",
		[CC_SETTING_NAMES] = "list of names", [CC_SETTING_STATUS] = "status name",
		[CC_SETTING_QUEUE] = "queue name", [CC_SETTING_QUEUES] = "list of queue names",
		[CC_SETTING_AGENTS] = "agent group name", [CC_SETTING_SITE] = "site name",
		[CC_SETTING_PROFILE] = "routing profile name", [CC_SETTING_POLICY] = "policy name",
		[CC_SETTING_GROUP] = "group", [CC_SETTING_LIST] = "list",
		[CC_SETTING_PER_SITE] = "share 0..1",
	};
	buf[0] = '\0';
	switch (row->type) {
	case CC_SETTING_NUMBER: range(buf, len, "number", row); break;
	case CC_SETTING_INTEGER: range(buf, len, "whole number", row); break;
	case CC_SETTING_NUMBERS: range(buf, len, "list of numbers", row); break;
	case CC_SETTING_COUNTS: range(buf, len, "list of whole numbers", row); break;
	case CC_SETTING_RATES:
		range(buf, len, "rate", row);
		append(buf, len, ", or a list of rates");
		break;
	case CC_SETTING_RATE:
		if (row->flags & CC_SETTING_POSITIVE)
			snprintf(buf, len, "number above 0, at most %.0f", row->hi);
		else
			range(buf, len, "number", row);
		break;
	case CC_SETTING_DURATION:
		append(buf, len, row->flags & CC_SETTING_POSITIVE ? "duration > 0" : "duration");
		break;
	case CC_SETTING_ENUM:
		for (size_t i = 0; row->choices[i]; i++) {
			size_t used = strlen(buf);
			snprintf(buf + used, len - used, "%s`\"%s\"`", i == 0 ? "" : row->choices[i + 1]
			         ? ", " : " or ", row->choices[i]);
		}
		break;
	case CC_SETTING_PER_CHANNEL:
		if (row->sub)
			append(buf, len, "group per channel");
		else
			range(buf, len, "whole number", row);
		break;
	default:
		append(buf, len, plain[row->type]);
	}
	if (row->flags & CC_SETTING_REQUIRED)
		append(buf, len, ", required");
}

/* The prefix of the keys of SCHEMA's rows in the reference: its path from the entity it
 * belongs to (a queue, an agent group, a routing profile) or from the top. */
static const char *key_prefix(const struct cc_schema *schema)
{
	const char *p = schema->path;
	for (size_t i = 0; i < cc_schema_scenario.n; i++) {
		const struct cc_setting *row = &cc_schema_scenario.rows[i];
		size_t n = strlen(row->key);
		if ((row->flags & CC_SETTING_ENTITY) && strncmp(p, row->key, n) == 0 &&
		    strncmp(p + n, ".[i]", 4) == 0)
			return p[n + 4] == '.' ? p + n + 5 : p + n + 4;
	}
	return p;
}

/* What stands between a row's key and those of its group's rows. */
static const char *sub_step(const struct cc_setting *row)
{
	return row->type == CC_SETTING_LIST ? ".[i]." : row->type == CC_SETTING_PER_CHANNEL
	       ? ".<channel>." : ".";
}

/* What follows the key of a group of plain values, one per channel or site. */
static const char *key_suffix(const struct cc_setting *row)
{
	if (row->type == CC_SETTING_PER_CHANNEL && !row->sub)
		return ".<channel>";
	return row->type == CC_SETTING_PER_SITE ? ".<site>" : "";
}

static void table_rows(FILE *out, const struct cc_schema *schema, const char *prefix)
{
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		char type[256];
		cc_schema_type_text(row, type, sizeof type);
		fprintf(out, "| `%s%s%s` | %s | %s%s| %s |\n", prefix, row->key, key_suffix(row), type,
		        row->def_doc, row->def_doc[0] ? " " : "", row->doc);
		if (row->sub && !(row->flags & CC_SETTING_OWN_TABLE)) {
			char inner[256];
			snprintf(inner, sizeof inner, "%s%s%s", prefix, row->key, sub_step(row));
			table_rows(out, row->sub, inner);
		}
	}
}

int cc_schema_print_table(FILE *out, const char *section)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", section);
	fputs("| key | type | default | meaning |\n| --- | --- | --- | --- |\n", out);
	char *save = NULL;
	for (const char *path = strtok_r(buf, " ", &save); path; path = strtok_r(NULL, " ", &save)) {
		const struct cc_schema *s = cc_schema_find(strcmp(path, "top") ? path : "");
		if (!s)
			return 0;
		char prefix[256];
		const char *p = key_prefix(s);
		snprintf(prefix, sizeof prefix, "%s%s", p, p[0] ? "." : "");
		table_rows(out, s, prefix);
	}
	return 1;
}

/* Every setting below SCHEMA, keys from the top, as readable text. */
static void text_rows(FILE *out, const struct cc_schema *schema, const char *prefix)
{
	for (size_t i = 0; i < schema->n; i++) {
		const struct cc_setting *row = &schema->rows[i];
		char type[256];
		cc_schema_type_text(row, type, sizeof type);
		fprintf(out, "%s%s%s: %s", prefix, row->key, key_suffix(row), type);
		if (row->def_doc[0])
			fprintf(out, "; default %s", row->def_doc);
		if (row->unit[0])
			fprintf(out, " [%s]", row->unit);
		fprintf(out, "\n    %s\n", row->doc);
		if (row->sub) {
			char inner[256];
			snprintf(inner, sizeof inner, "%s%s%s", prefix, row->key, sub_step(row));
			text_rows(out, row->sub, inner);
		}
	}
}

void cc_schema_print(FILE *out, int markdown)
{
	if (!markdown) {
		text_rows(out, &cc_schema_scenario, "");
		return;
	}
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		fprintf(out, "<!-- settings: %s -->\n", sections[i]);
		cc_schema_print_table(out, sections[i]);
		fputs("<!-- end settings -->\n", out);
	}
}
