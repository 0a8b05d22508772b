/*
 * secret-env: Harbor's entrypoint wrapper for MCP servers that read secrets only from environment
 * variables. It exports each secret file named in HARBOR_SECRET_ENV as an environment variable and
 * then replaces itself with the server, so the values exist in the server's environment but never in
 * the container's configuration (docker inspect shows only the file paths).
 *
 *   HARBOR_SECRET_ENV=VAR=/run/secrets/name[,VAR2=/run/secrets/name2...]
 *   secret-env -- command [argument...]
 *
 * VAR must match [A-Za-z_][A-Za-z0-9_]* (at most 128 characters); a path must start with
 * /run/secrets/ and contain no "..". A file may hold at most 64 KiB; one trailing newline is
 * stripped. HARBOR_SECRET_ENV itself is removed before the command runs. The command is found on
 * PATH like execvp(3) finds it, but never run through a shell. Messages name variables and paths,
 * never a value.
 *
 * Exit status, as env(1) and shells use it: 125 when the wrapper itself fails (usage, mapping,
 * secret files), 126 when the command exists but cannot be run, 127 when it is not found.
 *
 * Runs in images without a C library: build it statically (cc -static).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAPPING_VARIABLE "HARBOR_SECRET_ENV"
#define SECRETS_PREFIX "/run/secrets/"
#define MAX_MAPPING 16384
#define MAX_ENTRIES 64
#define MAX_NAME 128
#define MAX_VALUE 65536
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

#define EXIT_WRAPPER 125
#define EXIT_CANNOT_RUN 126
#define EXIT_NOT_FOUND 127
/* Not an errno value: the file exists, but what it needs to run (#! interpreter, ELF loader) does not. */
#define MISSING_INTERPRETER (-1)

struct entry {
  const char *name;
  const char *path;
};

static void fail(int status, const char *format, ...) __attribute__((noreturn, format(printf, 2, 3)));

static void fail(int status, const char *format, ...) {
  va_list args;
  fputs("secret-env: ", stderr);
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
  fputc('\n', stderr);
  exit(status);
}

static int valid_name(const char *name) {
  size_t length = strlen(name);
  if (length == 0 || length > MAX_NAME) {
    return 0;
  }
  if (!((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) {
    return 0;
  }
  for (size_t i = 1; i < length; i++) {
    char c = name[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return 0;
    }
  }
  return 1;
}

static int valid_path(const char *path) {
  size_t prefix = strlen(SECRETS_PREFIX);
  return strncmp(path, SECRETS_PREFIX, prefix) == 0 && path[prefix] != '\0' && strstr(path, "..") == NULL;
}

/* Splits the mapping (modified in place) into entries; returns how many there are. */
static size_t parse(char *mapping, struct entry *entries) {
  size_t count = 0;
  char *rest = mapping;
  while (rest != NULL) {
    char *item = rest;
    char *comma = strchr(item, ',');
    if (comma != NULL) {
      *comma = '\0';
      rest = comma + 1;
    } else {
      rest = NULL;
    }
    if (*item == '\0') {
      fail(EXIT_WRAPPER, "%s has an empty entry", MAPPING_VARIABLE);
    }
    char *equals = strchr(item, '=');
    if (equals == NULL) {
      fail(EXIT_WRAPPER, "%s entry '%s' is not VAR=PATH", MAPPING_VARIABLE, item);
    }
    *equals = '\0';
    const char *name = item;
    const char *path = equals + 1;
    if (!valid_name(name) || strcmp(name, MAPPING_VARIABLE) == 0) {
      fail(EXIT_WRAPPER, "'%s' is not an acceptable environment variable name", name);
    }
    if (!valid_path(path)) {
      fail(EXIT_WRAPPER, "%s: path '%s' must start with %s and contain no '..'", name, path, SECRETS_PREFIX);
    }
    for (size_t i = 0; i < count; i++) {
      if (strcmp(entries[i].name, name) == 0) {
        fail(EXIT_WRAPPER, "%s is named twice in %s", name, MAPPING_VARIABLE);
      }
    }
    if (count == MAX_ENTRIES) {
      fail(EXIT_WRAPPER, "%s names more than %d variables", MAPPING_VARIABLE, MAX_ENTRIES);
    }
    entries[count].name = name;
    entries[count].path = path;
    count++;
  }
  return count;
}

/* Reads the whole file into buffer (MAX_VALUE + 1 bytes); returns its length. */
static size_t read_secret(const struct entry *entry, char *buffer) {
  int fd = open(entry->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    fail(EXIT_WRAPPER, "%s: cannot open %s: %s", entry->name, entry->path, strerror(errno));
  }
  struct stat status;
  if (fstat(fd, &status) != 0) {
    fail(EXIT_WRAPPER, "%s: cannot examine %s: %s", entry->name, entry->path, strerror(errno));
  }
  if (!S_ISREG(status.st_mode)) {
    fail(EXIT_WRAPPER, "%s: %s is not a regular file", entry->name, entry->path);
  }
  size_t length = 0;
  for (;;) {
    ssize_t got = read(fd, buffer + length, MAX_VALUE + 1 - length);
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail(EXIT_WRAPPER, "%s: cannot read %s: %s", entry->name, entry->path, strerror(errno));
    }
    if (got == 0) {
      break;
    }
    length += (size_t) got;
    if (length > MAX_VALUE) {
      fail(EXIT_WRAPPER, "%s: %s is larger than %d bytes", entry->name, entry->path, MAX_VALUE);
    }
  }
  close(fd);
  return length;
}

static void export_secret(const struct entry *entry) {
  static char buffer[MAX_VALUE + 1];
  size_t length = read_secret(entry, buffer);
  if (length > 0 && buffer[length - 1] == '\n') {
    length--;
  }
  if (memchr(buffer, '\0', length) != NULL) {
    explicit_bzero(buffer, sizeof buffer);
    fail(EXIT_WRAPPER, "%s: %s holds a NUL byte, which an environment variable cannot carry", entry->name,
        entry->path);
  }
  buffer[length] = '\0';
  int result = setenv(entry->name, buffer, 1);
  int error = errno;
  explicit_bzero(buffer, sizeof buffer);
  if (result != 0) {
    fail(EXIT_WRAPPER, "%s: cannot set the variable: %s", entry->name, strerror(error));
  }
}

/* Tries one file; returns why it did not run, telling a missing interpreter from a missing file. */
static int try_exec(const char *file, char **command) {
  execve(file, command, environ);
  int error = errno;
  if (error == ENOENT && access(file, F_OK) == 0) {
    return MISSING_INTERPRETER;
  }
  return error;
}

/*
 * Replaces this process with the command, searching PATH when its name has no slash. Unlike
 * execvp(3), a file the kernel cannot execute is never handed to /bin/sh. Returns the error of the
 * attempt that decides, as a shell reports it: EACCES when some candidate was not executable,
 * otherwise ENOENT when nothing was found.
 */
static int run(char **command) {
  const char *name = command[0];
  if (*name == '\0') {
    return ENOENT;
  }
  if (strchr(name, '/') != NULL) {
    return try_exec(name, command);
  }
  const char *search = getenv("PATH");
  if (search == NULL || *search == '\0') {
    search = DEFAULT_PATH;
  }
  size_t name_length = strlen(name);
  int denied = 0;
  const char *dir = search;
  for (;;) {
    const char *end = strchrnul(dir, ':');
    size_t dir_length = (size_t) (end - dir);
    char candidate[PATH_MAX];
    if (dir_length == 0) {
      candidate[0] = '.';
      dir_length = 1;
    } else if (dir_length < sizeof candidate) {
      memcpy(candidate, dir, dir_length);
    }
    if (dir_length + 1 + name_length < sizeof candidate) {
      candidate[dir_length] = '/';
      memcpy(candidate + dir_length + 1, name, name_length + 1);
      int error = try_exec(candidate, command);
      if (error == EACCES) {
        denied = 1;
      } else if (error != ENOENT && error != ENOTDIR && error != ENAMETOOLONG) {
        return error;
      }
    }
    if (*end == '\0') {
      break;
    }
    dir = end + 1;
  }
  return denied ? EACCES : ENOENT;
}

int main(int argc, char **argv) {
  if (argc < 3 || strcmp(argv[1], "--") != 0) {
    fail(EXIT_WRAPPER, "usage: %s=VAR=/run/secrets/NAME[,...] secret-env -- COMMAND [ARGUMENT...]",
        MAPPING_VARIABLE);
  }
  const char *configured = getenv(MAPPING_VARIABLE);
  if (configured == NULL || *configured == '\0') {
    fail(EXIT_WRAPPER, "%s is not set", MAPPING_VARIABLE);
  }
  static char mapping[MAX_MAPPING + 1];
  size_t length = strlen(configured);
  if (length > MAX_MAPPING) {
    fail(EXIT_WRAPPER, "%s is longer than %d characters", MAPPING_VARIABLE, MAX_MAPPING);
  }
  memcpy(mapping, configured, length + 1);

  static struct entry entries[MAX_ENTRIES];
  size_t count = parse(mapping, entries);
  for (size_t i = 0; i < count; i++) {
    export_secret(&entries[i]);
  }
  if (unsetenv(MAPPING_VARIABLE) != 0) {
    fail(EXIT_WRAPPER, "cannot unset %s: %s", MAPPING_VARIABLE, strerror(errno));
  }

  int error = run(&argv[2]);
  if (error == MISSING_INTERPRETER) {
    fail(EXIT_CANNOT_RUN, "cannot run %s: the interpreter or dynamic loader it names does not exist", argv[2]);
  }
  fail(error == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN, "cannot run %s: %s", argv[2], strerror(error));
}
