# Reads a ccsim results file with R's hdf5r, as results/README.md shows, and checks the
# per-interval service level and clock labels against the CSV export of the same file.
# Run by tests/test_export.c when Rscript and r-cran-hdf5r are installed:
#     Rscript tests/check_results.R FILE CSV_DIR
suppressMessages(library(hdf5r))
args <- commandArgs(trailingOnly = TRUE)
f <- H5File$new(args[1], mode = "r")
g <- f[["summary/intervals/queues"]]
sl <- g[["service_level"]]$read(drop = FALSE)  # [statistic, queue, interval] in R's order
clock <- g[["clock"]]$read()
queues <- g[["queue"]]$read()
f$close_all()
csv <- read.csv(file.path(args[2], "queues_intervals.csv"), check.names = FALSE,
                stringsAsFactors = FALSE)
for (q in seq_along(queues)) {
  rows <- csv[csv$queue == queues[q], ]
  if (!identical(rows$interval, clock)) stop("clock labels differ for ", queues[q])
  same <- function(a, b) all((is.na(a) & is.na(b)) | (!is.na(a) & !is.na(b) & a == b))
  if (!same(rows$service_level, sl[1, q, ])) stop("service_level means differ for ", queues[q])
  if (!same(rows$service_level_ci95, sl[2, q, ])) stop("service_level ci95 differ for ", queues[q])
}
cat("check_results.R:", length(queues), "queues x", length(clock), "intervals agree\n")
