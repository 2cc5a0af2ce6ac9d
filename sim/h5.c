/* renameat2, to put a results file over an old one without ext4 writing it out first. */
#define _GNU_SOURCE
#include "h5.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "alloc.h"
#include "h5_impl.h"
#include "ranks.h"

static void library_init_once(void)
{
	/* Both fail only when the library is already in use, which changes nothing here. */
	(void)H5dont_atexit();
	(void)H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
}

/* The room kept for HDF5's own description of a failure's cause. */
#define CAUSE_LEN 256

/* Collects the innermost description on the HDF5 error stack, which usually names the cause. */
static herr_t innermost_error(unsigned n, const H5E_error2_t *desc, void *data)
{
	char *cause = data;
	if (n == 0 && desc->desc)
		snprintf(cause, CAUSE_LEN, "%s", desc->desc);
	return 0;
}

/*
 * Records a failure on F and returns CC_ERR_IO. The message is the action FMT describes, the
 * file, and REASON or else the innermost cause on HDF5's error stack. Only the first message
 * is kept, because later failures are usually consequences of it. It must be called straight
 * after the failing HDF5 call, before any other HDF5 call clears the error stack.
 */
/*
 * HDF5's innermost description of a failed read or write carries the system's errno among
 * other details ("file write failed: time = ..., errno = 28, error message = 'No space left
 * on device', ..."): the system's message is the reason a person needs.
 */
static void plain_cause(char *cause)
{
	const char *e = strstr(cause, "errno = ");
	int no = e ? atoi(e + strlen("errno = ")) : 0;
	if (no > 0) {
		snprintf(cause, CAUSE_LEN, "%s", strerror(no));
		return;
	}
	char *nl = strchr(cause, '\n');
	if (nl)
		*nl = '\0';
}

enum cc_status h5_fail(struct cc_h5_file *f, const char *reason, const char *fmt, ...)
{
	if (f->failed)
		return CC_ERR_IO;
	f->failed = true;

	char cause[CAUSE_LEN] = "";
	if (reason) {
		snprintf(cause, sizeof cause, "%s", reason);
	} else if (H5Eget_num(H5E_DEFAULT) > 0) {
		/* A failed walk only loses the cause, so its result is deliberately ignored. */
		(void)H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, innermost_error, cause);
		plain_cause(cause);
	}

	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(f->error, sizeof f->error, fmt, ap);
	va_end(ap);
	size_t used = len < 0 ? 0 : (size_t)len;
	if (used < sizeof f->error)
		snprintf(f->error + used, sizeof f->error - used, " in %s%s%s", f->path,
		         cause[0] ? ": " : "", cause);
	return CC_ERR_IO;
}

/* Closes ID, if it is open, with CLOSER; a failure is recorded on F like any other. */
void h5_release(struct cc_h5_file *f, hid_t id, herr_t (*closer)(hid_t), const char *what,
                    const char *path, enum cc_status *status)
{
	if (id < 0)
		return;
	if (closer(id) < 0)
		*status = h5_fail(f, NULL, "cannot close %s %s", what, path);
}

static void copy_message(char *err, size_t errlen, const char *msg)
{
	if (err && errlen > 0)
		snprintf(err, errlen, "%s", msg);
}

void h5_check_path(const char *path)
{
	CC_ASSERT(path != NULL);
	CC_ASSERT(path[0] == '/');
}

/* The last component of an absolute path, which names axes and their dimension labels. */
const char *h5_last_component(const char *path)
{
	const char *name = strrchr(path, '/') + 1;
	CC_ASSERT(*name != '\0');
	return name;
}

/* A string or "" for NULL, so that every dataset carries its attributes even when unset. */
const char *h5_or_empty(const char *s)
{
	return s ? s : "";
}

/*
 * Opens the existing object at OBJ, which must be a group for WHAT at PATH to be created
 * there, into *GROUP.
 */
static enum cc_status h5_open_group(struct cc_h5_file *f, const char *obj, const char *what,
                                 const char *path, hid_t *group)
{
	*group = H5Oopen(f->file, obj, H5P_DEFAULT);
	if (*group < 0)
		return h5_fail(f, NULL, "cannot open %s", obj);
	H5I_type_t type = H5Iget_type(*group);
	if (type == H5I_BADID)
		return h5_fail(f, NULL, "cannot find the type of %s", obj);
	if (type == H5I_GROUP)
		return CC_OK;
	size_t len = strlen(obj) + sizeof " is not a group";
	char *reason = cc_malloc(len);
	snprintf(reason, len, "%s is not a group", obj);
	enum cc_status status = h5_fail(f, reason, "cannot create %s %s", what, path);
	cc_free(reason);
	return status;
}

/*
 * Checks the groups above PATH, where WHAT is to be created: each must be a group or missing
 * (then it will be created), and HDF5's own complaint about a dataset in the way would only
 * say "message type not found". *ALL_EXIST, unless NULL, tells whether every parent exists,
 * because only then can H5Lexists look up PATH itself: it fails rather than answers below a
 * missing group.
 */
enum cc_status h5_check_parents(struct cc_h5_file *f, const char *path, const char *what,
                                    bool *all_exist)
{
	enum cc_status status = CC_OK;
	char *prefix = cc_strdup(path);
	bool exist = true;
	for (size_t i = 1; path[i] && status == CC_OK && exist; i++) {
		if (path[i] != '/')
			continue;
		prefix[i] = '\0';
		htri_t exists = H5Lexists(f->file, prefix, H5P_DEFAULT);
		if (exists < 0) {
			status = h5_fail(f, NULL, "cannot look up %s", prefix);
		} else if (exists == 0) {
			exist = false;
		} else {
			hid_t group = -1;
			status = h5_open_group(f, prefix, what, path, &group);
			h5_release(f, group, H5Oclose, "group", prefix, &status);
		}
		prefix[i] = '/';
	}
	cc_free(prefix);
	if (all_exist)
		*all_exist = exist;
	return status;
}

/*
 * Writes attribute NAME on OBJ with file type FTYPE from BUF in memory type MTYPE, replacing
 * any attribute of that name so that a writer may set a value twice.
 */
static enum cc_status h5_put_attr(struct cc_h5_file *f, hid_t obj, const char *objpath,
                               const char *name, hid_t ftype, hid_t mtype, const void *buf)
{
	enum cc_status status = CC_OK;
	hid_t space = -1, attr = -1;

	htri_t exists = H5Aexists(obj, name);
	if (exists < 0) {
		status = h5_fail(f, NULL, "cannot look up attribute %s of %s", name, objpath);
		goto out;
	}
	if (exists > 0 && H5Adelete(obj, name) < 0) {
		status = h5_fail(f, NULL, "cannot replace attribute %s of %s", name, objpath);
		goto out;
	}
	space = H5Screate(H5S_SCALAR);
	if (space < 0) {
		status = h5_fail(f, NULL, "cannot create a dataspace for attribute %s of %s", name,
		              objpath);
		goto out;
	}
	attr = H5Acreate2(obj, name, ftype, space, H5P_DEFAULT, H5P_DEFAULT);
	if (attr < 0) {
		status = h5_fail(f, NULL, "cannot create attribute %s of %s", name, objpath);
		goto out;
	}
	if (H5Awrite(attr, mtype, buf) < 0)
		status = h5_fail(f, NULL, "cannot write attribute %s of %s", name, objpath);
out:
	h5_release(f, attr, H5Aclose, "attribute", name, &status);
	h5_release(f, space, H5Sclose, "dataspace of attribute", name, &status);
	return status;
}

/*
 * String attributes are variable-length UTF-8, which h5py reads as str and R as
 * character strings; fixed-length ones would come back from h5py as bytes.
 */
enum cc_status h5_put_string_attr(struct cc_h5_file *f, hid_t obj, const char *objpath,
                                      const char *name, const char *value)
{
	enum cc_status status = CC_OK;
	hid_t type = H5Tcopy(H5T_C_S1);
	if (type < 0) {
		status = h5_fail(f, NULL, "cannot create a string type for attribute %s of %s", name,
		              objpath);
		goto out;
	}
	if (H5Tset_size(type, H5T_VARIABLE) < 0 || H5Tset_cset(type, H5T_CSET_UTF8) < 0) {
		status = h5_fail(f, NULL, "cannot set up a string type for attribute %s of %s", name,
		              objpath);
		goto out;
	}
	status = h5_put_attr(f, obj, objpath, name, type, type, &value);
out:
	h5_release(f, type, H5Tclose, "string type of attribute", name, &status);
	return status;
}


/* Detaches every open table from F and closes its dataset, so that the file can close. */
static void close_tables(struct cc_h5_file *f, enum cc_status *status)
{
	while (f->tables) {
		struct cc_h5_table *t = f->tables;
		f->tables = t->next;
		t->next = NULL;
		t->file = NULL;
		h5_release(f, t->dset, H5Dclose, "table", t->path, status);
		h5_release(f, t->mem_type, H5Tclose, "row type of table", t->path, status);
		t->dset = -1;
		t->mem_type = -1;
	}
}

/* Closes everything F holds open in HDF5; the temporary file stays. */
static enum cc_status close_file(struct cc_h5_file *f)
{
	enum cc_status status = f->failed ? CC_ERR_IO : CC_OK;
	close_tables(f, &status);
	h5_close_vars(f, &status);
	h5_release(f, f->lcpl, H5Pclose, "link properties of", f->path, &status);
	h5_release(f, f->file, H5Fclose, "file", f->path, &status);
	f->lcpl = -1;
	f->file = -1;
	return status;
}

static void free_file(struct cc_h5_file *f)
{
	cc_free(f->path);
	cc_free(f->tmp_path);
	cc_free(f);
}

/*
 * Once per process, before any other HDF5 call: no exit handler (HDF5 1.10's would flush
 * files this program has already given up on, and can crash after a failed write, a full
 * disk say), and no error stacks printed (messages are composed here, naming the files).
 */
void cc_h5_library_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, library_init_once);
}

/* The file a results path really names: PATH itself, or the end of its chain of symbolic
 * links (a link is written through, not replaced by the results). A new string. */
static char *final_path(const char *path)
{
	char *cur = cc_strdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		char target[4096];
		ssize_t len = readlink(cur, target, sizeof target - 1);
		if (len <= 0)
			break;
		target[len] = '\0';
		char *next;
		const char *slash = strrchr(cur, '/');
		if (target[0] == '/' || !slash) {
			next = cc_strdup(target);
		} else { /* relative to the link's directory */
			size_t dir = (size_t)(slash - cur) + 1, n = dir + (size_t)len + 1;
			next = cc_malloc(n);
			snprintf(next, n, "%.*s%s", (int)dir, cur, target);
		}
		cc_free(cur);
		cur = next;
	}
	return cur;
}

/* A temporary name beside PATH: short and hidden whatever PATH's own length, unique within
 * the process. A new string. */
static char *temp_path(const char *path)
{
	static atomic_uint serial;
	const char *slash = strrchr(path, '/');
	int dir = slash ? (int)(slash - path) + 1 : 0;
	const char *prog = cc_status_program();
	size_t n = (size_t)dir + 96;
	char *tmp = cc_malloc(n);
	snprintf(tmp, n, "%.*s.%s-%ld-%u.h5.tmp", dir, path, prog ? prog : "results", (long)getpid(),
	         atomic_fetch_add(&serial, 1));
	return tmp;
}

enum cc_status cc_h5_create(const char *path, struct cc_h5_file **out, char *err, size_t errlen)
{
	CC_ASSERT(path != NULL && out != NULL);
	*out = NULL;
	copy_message(err, errlen, "");
	cc_h5_library_init();
	if (path[0] == '\0') {
		copy_message(err, errlen, "cannot create the results file: its name is empty");
		return CC_ERR_IO;
	}
	char *target = final_path(path);

	/* Only a regular file is replaced: a directory in the way would only show at the final
	 * rename, and a device or pipe (-o /dev/null) would be replaced by the results file. */
	struct stat st;
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "cannot create %s: it exists and is not a regular file%s",
		         path, S_ISDIR(st.st_mode) ? " (a directory)" : "");
		copy_message(err, errlen, msg);
		cc_free(target);
		return CC_ERR_IO;
	}

	struct cc_h5_file *f = cc_calloc(1, sizeof *f);
	f->file = -1;
	f->lcpl = -1;
	f->group = f->str_type = f->scalar = f->dimlist_type = f->dxpl = f->dcpl = f->dapl = -1;
	f->path = target;
	f->tmp_path = temp_path(target);
	f->discard = !cc_ranks_writer();

	/*
	 * A probe with stdio gives errno, so a missing or unwritable directory is reported as
	 * such rather than as HDF5's generic "unable to open file". It is removed again: HDF5
	 * truncating it would make ext4 write the whole file out when HDF5 closes it.
	 */
	FILE *probe = f->discard ? NULL : fopen(f->tmp_path, "wb");
	int probe_errno = probe || f->discard ? 0 : errno;
	if (probe && fclose(probe) != 0)
		probe_errno = errno;
	if (probe)
		(void)remove(f->tmp_path);
	if (probe_errno) {
		char msg[1024];
		snprintf(msg, sizeof msg, "cannot create %s: %s", path, strerror(probe_errno));
		copy_message(err, errlen, msg);
		free_file(f);
		return CC_ERR_IO;
	}

	enum cc_status status = CC_OK;
	hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
	if (fapl < 0) {
		status = h5_fail(f, NULL, "cannot create file access properties");
		goto out;
	}
	/* A strong close guarantees that the file is really closed before it is renamed. */
	/* Metadata and small raw data are gathered in blocks of 256 KiB: a results file
	 * holds hundreds of small variables, each otherwise an allocation of its own. Blocks
	 * are written whole, so no variable needs a sieve buffer (64 KiB each by default, kept
	 * while the variable is open: a few hundred open variables made memory grow with the
	 * number of replications). */
	if (H5Pset_meta_block_size(fapl, 1 << 18) < 0 ||
	    H5Pset_small_data_block_size(fapl, 1 << 18) < 0 ||
	    H5Pset_sieve_buf_size(fapl, 4096) < 0) {
		status = h5_fail(f, NULL, "cannot set the file's block sizes");
		goto out;
	}
	H5AC_cache_config_t mdc = { .version = H5AC__CURR_CACHE_CONFIG_VERSION };
	if (H5Pget_mdc_config(fapl, &mdc) < 0) {
		status = h5_fail(f, NULL, "cannot read the metadata cache settings");
		goto out;
	}
	mdc.set_initial_size = 1;
	mdc.initial_size = 1 << 20;
	mdc.min_size = 1 << 20;
	mdc.max_size = 1 << 20;
	mdc.incr_mode = H5C_incr__off;
	mdc.flash_incr_mode = H5C_flash_incr__off;
	mdc.decr_mode = H5C_decr__off;
	if (H5Pset_mdc_config(fapl, &mdc) < 0) {
		status = h5_fail(f, NULL, "cannot set the metadata cache settings");
		goto out;
	}
	/* In memory, never written out (the increment of 1 MiB is how the image grows). */
	if (f->discard && H5Pset_fapl_core(fapl, 1 << 20, 0) < 0) {
		status = h5_fail(f, NULL, "cannot set the in-memory file driver");
		goto out;
	}
	if (H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG) < 0) {
		status = h5_fail(f, NULL, "cannot set the file close degree");
		goto out;
	}
	f->file = H5Fcreate(f->tmp_path, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
	if (f->file < 0) {
		status = h5_fail(f, NULL, "cannot create HDF5 file");
		goto out;
	}
	f->lcpl = H5Pcreate(H5P_LINK_CREATE);
	if (f->lcpl < 0) {
		status = h5_fail(f, NULL, "cannot create link properties");
		goto out;
	}
	if (H5Pset_create_intermediate_group(f->lcpl, 1) < 0 ||
	    H5Pset_char_encoding(f->lcpl, H5T_CSET_UTF8) < 0)
		status = h5_fail(f, NULL, "cannot set link properties");
out:
	h5_release(f, fapl, H5Pclose, "file access properties of", path, &status);
	if (status != CC_OK) {
		copy_message(err, errlen, f->error);
		cc_h5_abort(f);
		return status;
	}
	*out = f;
	return CC_OK;
}

enum cc_status cc_h5_close(struct cc_h5_file *f, char *err, size_t errlen)
{
	CC_ASSERT(f != NULL);
	copy_message(err, errlen, "");
	enum cc_status status = close_file(f);
	if (status != CC_OK)
		copy_message(err, errlen, f->error);
	return status;
}

/*
 * Puts the temporary file at the final path, atomically. Over an old regular file, the two
 * are exchanged and the old one, now under the temporary name, removed: ext4 writes a file
 * renamed over another out to disk at once (so that a crash cannot leave an empty file),
 * which would cost a large results file a tenth of a second. Elsewhere, or where the
 * exchange is not supported, a plain rename.
 */
static int put_in_place(const struct cc_h5_file *f)
{
#ifdef RENAME_EXCHANGE
	struct stat st;
	if (lstat(f->path, &st) == 0 && S_ISREG(st.st_mode) &&
	    renameat2(AT_FDCWD, f->tmp_path, AT_FDCWD, f->path, RENAME_EXCHANGE) == 0) {
		(void)unlink(f->tmp_path); /* the old results: failing to remove them is only litter */
		return 0;
	}
#endif
	return rename(f->tmp_path, f->path);
}

enum cc_status cc_h5_commit(struct cc_h5_file *f, char *err, size_t errlen)
{
	CC_ASSERT(f != NULL);
	copy_message(err, errlen, "");
	enum cc_status status = close_file(f);
	if (status == CC_OK && !f->discard && put_in_place(f) != 0) {
		snprintf(f->error, sizeof f->error, "cannot rename %s to %s: %s", f->tmp_path,
		         f->path, strerror(errno));
		f->failed = true;
		status = CC_ERR_IO;
	}
	if (status != CC_OK) {
		copy_message(err, errlen, f->error);
		/* The run has failed already; a temporary file that will not go is only litter. */
		if (!f->discard)
			(void)remove(f->tmp_path);
	}
	free_file(f);
	return status;
}

void cc_h5_abort(struct cc_h5_file *f)
{
	if (!f)
		return;
	/* The file is being thrown away, so failing to close or remove it changes nothing. */
	(void)close_file(f);
	if (!f->discard)
		(void)remove(f->tmp_path);
	free_file(f);
}

const char *cc_h5_error(const struct cc_h5_file *f)
{
	return f ? f->error : "";
}

enum cc_status cc_h5_group(struct cc_h5_file *f, const char *path, const char *description)
{
	CC_ASSERT(f != NULL);
	h5_check_path(path);
	if (f->failed)
		return CC_ERR_IO;

	hid_t group = -1;
	bool parents_exist;
	enum cc_status status = h5_check_parents(f, path, "group", &parents_exist);
	if (status != CC_OK)
		goto out;
	htri_t exists = parents_exist ? H5Lexists(f->file, path, H5P_DEFAULT) : 0;
	if (exists < 0) {
		status = h5_fail(f, NULL, "cannot look up group %s", path);
		goto out;
	}
	if (exists) {
		status = h5_open_group(f, path, "group", path, &group);
		if (status != CC_OK)
			goto out;
	} else {
		group = H5Gcreate2(f->file, path, f->lcpl, H5P_DEFAULT, H5P_DEFAULT);
		if (group < 0) {
			status = h5_fail(f, NULL, "cannot create group %s", path);
			goto out;
		}
	}
	if (description)
		status = h5_put_string_attr(f, group, path, "description", description);
out:
	h5_release(f, group, H5Oclose, "group", path, &status);
	return status;
}

/* Opens the object at OBJ and writes one attribute on it. */
static enum cc_status attr_on(struct cc_h5_file *f, const char *obj, const char *name, hid_t ftype,
                              hid_t mtype, const void *buf, bool is_string)
{
	CC_ASSERT(f != NULL && name != NULL);
	h5_check_path(obj);
	if (f->failed)
		return CC_ERR_IO;

	enum cc_status status = CC_OK;
	hid_t o = H5Oopen(f->file, obj, H5P_DEFAULT);
	if (o < 0) {
		status = h5_fail(f, NULL, "cannot open %s to set attribute %s", obj, name);
		goto out;
	}
	if (is_string)
		status = h5_put_string_attr(f, o, obj, name, buf);
	else
		status = h5_put_attr(f, o, obj, name, ftype, mtype, buf);
out:
	h5_release(f, o, H5Oclose, "object", obj, &status);
	return status;
}

enum cc_status cc_h5_attr_string(struct cc_h5_file *f, const char *obj, const char *name,
                                 const char *value)
{
	CC_ASSERT(value != NULL);
	return attr_on(f, obj, name, -1, -1, value, true);
}

enum cc_status cc_h5_attr_double(struct cc_h5_file *f, const char *obj, const char *name,
                                 double value)
{
	return attr_on(f, obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value, false);
}

enum cc_status cc_h5_attr_int64(struct cc_h5_file *f, const char *obj, const char *name,
                                int64_t value)
{
	return attr_on(f, obj, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value, false);
}

/*
 * Makes in *TYPE the HDF5 enum type of FIELD: codes 0..n-1 of its NULL-terminated name list,
 * stored in one byte.
 */
static enum cc_status enum_type(struct cc_h5_file *f, const char *path,
                                const struct cc_h5_field *field, hid_t *type)
{
	const char *const *names = field->enum_names;
	CC_ASSERT(names != NULL && names[0] != NULL);
	*type = H5Tenum_create(H5T_NATIVE_UINT8);
	if (*type < 0)
		return h5_fail(f, NULL, "cannot create the type of field %s of table %s", field->name,
		            path);
	for (unsigned code = 0; names[code]; code++) {
		CC_ASSERT(code <= UINT8_MAX);
		uint8_t value = (uint8_t)code;
		if (H5Tenum_insert(*type, names[code], &value) < 0)
			return h5_fail(f, NULL, "cannot add name %s to field %s of table %s",
			            names[code], field->name, path);
	}
	return CC_OK;
}

static size_t field_size(enum cc_h5_type type)
{
	switch (type) {
	case CC_H5_F64: return sizeof(double);
	case CC_H5_I64: return sizeof(int64_t);
	case CC_H5_I32: return sizeof(int32_t);
	case CC_H5_ENUM8: return sizeof(uint8_t);
	}
	cc_fail(__FILE__, __LINE__, "unknown field type");
}

/* Sets the per-field "<name>_units" and "<name>_description" attributes of a table. */
static enum cc_status describe_field(struct cc_h5_file *f, hid_t dset, const char *path,
                                     const struct cc_h5_field *field)
{
	size_t len = strlen(field->name) + sizeof "_description";
	char *name = cc_malloc(len);
	snprintf(name, len, "%s_units", field->name);
	enum cc_status status = h5_put_string_attr(f, dset, path, name, h5_or_empty(field->units));
	if (status == CC_OK) {
		snprintf(name, len, "%s_description", field->name);
		status = h5_put_string_attr(f, dset, path, name, h5_or_empty(field->description));
	}
	cc_free(name);
	return status;
}

/*
 * The memory type mirrors the C struct, padding included; the file type is a packed copy,
 * so files carry no padding and readers see the fields back to back. HDF5 converts between
 * the two on each write.
 */
enum cc_status cc_h5_table_create(struct cc_h5_file *f, const char *path,
                                  const struct cc_h5_field *fields, size_t nfields, size_t row_size,
                                  size_t chunk_rows, const char *description,
                                  struct cc_h5_table **out)
{
	CC_ASSERT(f != NULL && out != NULL);
	CC_ASSERT(fields != NULL && nfields > 0 && row_size > 0 && chunk_rows > 0);
	h5_check_path(path);
	*out = NULL;
	if (f->failed)
		return CC_ERR_IO;

	enum cc_status status = CC_OK;
	hid_t mem_type = -1, file_type = -1, space = -1, dcpl = -1, dset = -1;

	status = h5_check_parents(f, path, "table", NULL);
	if (status != CC_OK)
		goto out;
	mem_type = H5Tcreate(H5T_COMPOUND, row_size);
	if (mem_type < 0) {
		status = h5_fail(f, NULL, "cannot create the row type of table %s", path);
		goto out;
	}
	for (size_t i = 0; i < nfields; i++) {
		const struct cc_h5_field *field = &fields[i];
		CC_ASSERT(field->name != NULL);
		CC_ASSERT(field->offset + field_size(field->type) <= row_size);
		CC_ASSERT((field->type == CC_H5_ENUM8) == (field->enum_names != NULL));
		hid_t member = -1;
		bool owned = false;
		switch (field->type) {
		case CC_H5_F64: member = H5T_NATIVE_DOUBLE; break;
		case CC_H5_I64: member = H5T_NATIVE_INT64; break;
		case CC_H5_I32: member = H5T_NATIVE_INT32; break;
		case CC_H5_ENUM8:
			status = enum_type(f, path, field, &member);
			owned = true;
			break;
		}
		/* H5Tinsert copies the member type, so an enum type is closed straight after. */
		if (status == CC_OK && H5Tinsert(mem_type, field->name, field->offset, member) < 0)
			status = h5_fail(f, NULL, "cannot add field %s to table %s", field->name,
			              path);
		if (owned)
			h5_release(f, member, H5Tclose, "type of a field of table", path, &status);
		if (status != CC_OK)
			goto out;
	}
	file_type = H5Tcopy(mem_type);
	if (file_type < 0 || H5Tpack(file_type) < 0) {
		status = h5_fail(f, NULL, "cannot create the file row type of table %s", path);
		goto out;
	}

	hsize_t dim = 0, maxdim = H5S_UNLIMITED, chunk = chunk_rows;
	space = H5Screate_simple(1, &dim, &maxdim);
	if (space < 0) {
		status = h5_fail(f, NULL, "cannot create a dataspace for table %s", path);
		goto out;
	}
	dcpl = H5Pcreate(H5P_DATASET_CREATE);
	if (dcpl < 0) {
		status = h5_fail(f, NULL, "cannot create dataset properties for table %s", path);
		goto out;
	}
	if (H5Pset_chunk(dcpl, 1, &chunk) < 0 || H5Pset_shuffle(dcpl) < 0 ||
	    H5Pset_deflate(dcpl, CC_H5_DEFLATE_LEVEL) < 0) {
		status = h5_fail(f, NULL, "cannot set chunking and compression for table %s", path);
		goto out;
	}
	dset = H5Dcreate2(f->file, path, file_type, space, f->lcpl, dcpl, H5P_DEFAULT);
	if (dset < 0) {
		status = h5_fail(f, NULL, "cannot create table %s", path);
		goto out;
	}
	status = h5_put_string_attr(f, dset, path, "description", h5_or_empty(description));
	for (size_t i = 0; i < nfields && status == CC_OK; i++)
		status = describe_field(f, dset, path, &fields[i]);
	if (status != CC_OK)
		goto out;

	struct cc_h5_table *t = cc_calloc(1, sizeof *t);
	t->file = f;
	t->next = f->tables;
	t->path = cc_strdup(path);
	t->dset = dset;
	t->mem_type = mem_type;
	f->tables = t;
	dset = -1;
	mem_type = -1;
	*out = t;
out:
	h5_release(f, dset, H5Dclose, "table", path, &status);
	h5_release(f, dcpl, H5Pclose, "properties of table", path, &status);
	h5_release(f, space, H5Sclose, "dataspace of table", path, &status);
	h5_release(f, file_type, H5Tclose, "file row type of table", path, &status);
	h5_release(f, mem_type, H5Tclose, "row type of table", path, &status);
	if (status != CC_OK && *out) {
		/* Only a failed close can get here; the table is unusable, so it is dropped. */
		(void)cc_h5_table_close(*out);
		*out = NULL;
	}
	return status;
}

enum cc_status cc_h5_table_append(struct cc_h5_table *t, const void *rows, size_t n)
{
	CC_ASSERT(t != NULL && (rows != NULL || n == 0));
	struct cc_h5_file *f = t->file;
	if (!f || f->failed)
		return CC_ERR_IO;
	if (n == 0)
		return CC_OK;

	enum cc_status status = CC_OK;
	hid_t file_space = -1, mem_space = -1;
	hsize_t start = t->rows, count = n, size = t->rows + n;

	if (H5Dset_extent(t->dset, &size) < 0) {
		status = h5_fail(f, NULL, "cannot extend table %s to %llu rows", t->path,
		              (unsigned long long)size);
		goto out;
	}
	file_space = H5Dget_space(t->dset);
	if (file_space < 0) {
		status = h5_fail(f, NULL, "cannot get the dataspace of table %s", t->path);
		goto out;
	}
	if (H5Sselect_hyperslab(file_space, H5S_SELECT_SET, &start, NULL, &count, NULL) < 0) {
		status = h5_fail(f, NULL, "cannot select rows %llu to %llu of table %s",
		              (unsigned long long)start, (unsigned long long)(size - 1), t->path);
		goto out;
	}
	mem_space = H5Screate_simple(1, &count, NULL);
	if (mem_space < 0) {
		status = h5_fail(f, NULL, "cannot create a dataspace for %zu rows of table %s", n,
		              t->path);
		goto out;
	}
	if (H5Dwrite(t->dset, t->mem_type, mem_space, file_space, H5P_DEFAULT, rows) < 0) {
		status = h5_fail(f, NULL, "cannot append %zu rows to table %s", n, t->path);
		goto out;
	}
	t->rows = size;
out:
	h5_release(f, mem_space, H5Sclose, "row dataspace of table", t->path, &status);
	h5_release(f, file_space, H5Sclose, "dataspace of table", t->path, &status);
	return status;
}

enum cc_status cc_h5_table_close(struct cc_h5_table *t)
{
	if (!t)
		return CC_OK;
	enum cc_status status = CC_OK;
	struct cc_h5_file *f = t->file;
	if (f) {
		struct cc_h5_table **link = &f->tables;
		while (*link != t)
			link = &(*link)->next;
		*link = t->next;
		if (f->failed)
			status = CC_ERR_IO;
		h5_release(f, t->dset, H5Dclose, "table", t->path, &status);
		h5_release(f, t->mem_type, H5Tclose, "row type of table", t->path, &status);
	}
	cc_free(t->path);
	cc_free(t);
	return status;
}
