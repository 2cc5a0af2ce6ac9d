/* "ccsim export": a results file as CSV tables. */
#include <stdio.h>
#include <string.h>

#include "models/command/command.h"
#include "models/output/export.h"
#include "sim/cli.h"

static const char export_usage[] =
	"usage: ccsim export FILE.h5 --csv DIR\n"
	"\n"
	"Writes a results file as tidy CSV tables into DIR (made if missing), for spreadsheets,\n"
	"pandas and R: per figure owner (queues, groups, statuses, channels, group_channels),\n"
	"<owner>_intervals.csv (one row per interval and entity, with its clock time and start_s),\n"
	"<owner>_totals.csv (the whole horizon after warm-up), <owner>_replications.csv (each\n"
	"replication's totals), <owner>_replication_intervals.csv when the file has them, and\n"
	"counts.csv. Every figure is a column (summaries: its mean, and <figure>_ci95, the 95 %\n"
	"half-width), units in the header (\"asa_s [s]\"); an undefined figure is an empty field.\n"
	"'ccsim run ... --csv DIR' writes the same files.\n"
	"\n"
	"exit codes: 0 done; 1 a file could not be read or written; 2 bad usage\n";

int cc_cmd_export(int argc, char **argv)
{
	if (cc_cmd_wants_help(argc, argv)) {
		fputs(export_usage, stdout);
		return 0;
	}
	const char *file = NULL, *dir = NULL, *v;
	for (int i = 1; i < argc; i++) {
		int m = cc_cli_option(argc, argv, &i, "--csv", &v);
		if (m > 0) {
			dir = v;
		} else if (m < 0) {
			return cc_status_exit_code(CC_ERR_USAGE);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cc_cli_error("export: unknown option '%s' (try 'ccsim export --help')", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		} else if (file) {
			cc_cli_error("export: one results file at a time ('%s' is extra)", argv[i]);
			return cc_status_exit_code(CC_ERR_USAGE);
		} else {
			file = argv[i];
		}
	}
	if (!file || !dir || !dir[0]) {
		cc_cli_error("export: which file, and where? (usage: ccsim export FILE.h5 --csv DIR)");
		return cc_status_exit_code(CC_ERR_USAGE);
	}
	char err[CC_CMD_ERR_LEN];
	enum cc_status st = cc_export_csv(file, dir, err, sizeof err);
	if (st)
		cc_cli_error("%s", err);
	return cc_status_exit_code(st);
}

