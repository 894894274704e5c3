/*
 * The anchor for bench/compress-chunks.sh: wimlib's own chunk compressors (libwim's public
 * wimlib_create_compressor / wimlib_compress), single-threaded, on exactly the chunks
 * bench/CompressChunks.java gives ours: each listed file cut into CHUNK-byte chunks at file
 * boundaries, or (SOLID) the files concatenated and cut into CHUNK-byte chunks. A chunk that
 * does not shrink counts at its own size, as a WIM writer stores it raw.
 *
 *   wimlib-chunks LIST TYPE LEVEL ROUNDS CHUNK SOLID
 *
 * Prints the MB/s of the best round in process CPU time and the input and output bytes.
 * The prototypes are declared here: they are wimlib's stable public API (wimlib.h), and
 * Debian's libwim-dev would replace the installed libwim with another version.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct wimlib_compressor;
int wimlib_create_compressor(int ctype, size_t max_block_size, unsigned int compression_level,
                             struct wimlib_compressor **compressor_ret);
size_t wimlib_compress(const void *uncompressed_data, size_t uncompressed_size, void *compressed_data,
                       size_t compressed_size_avail, struct wimlib_compressor *compressor);
void wimlib_free_compressor(struct wimlib_compressor *compressor);

/* enum wimlib_compression_type */
static int compression_type(const char *name)
{
	if (!strcmp(name, "XPRESS"))
		return 1;
	if (!strcmp(name, "LZX"))
		return 2;
	if (!strcmp(name, "LZMS"))
		return 3;
	return -1;
}

static double cpu_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* All listed files, one after another; ends[i] is where file i ends. */
struct sample {
	unsigned char *data;
	size_t size;
	size_t *ends;
	size_t files;
};

static int load(const char *list_path, struct sample *s)
{
	FILE *list = fopen(list_path, "r");
	char path[4096];
	size_t capacity = 1 << 20, ends_capacity = 1024;

	if (!list)
		return -1;
	s->data = malloc(capacity);
	s->ends = malloc(ends_capacity * sizeof(size_t));
	s->size = s->files = 0;
	while (fgets(path, sizeof(path), list)) {
		path[strcspn(path, "\n")] = '\0';
		FILE *f = fopen(path, "rb");
		if (!f) {
			fprintf(stderr, "wimlib-chunks: cannot open %s\n", path);
			return -1;
		}
		size_t n;
		for (;;) {
			if (s->size == capacity)
				s->data = realloc(s->data, capacity *= 2);
			n = fread(s->data + s->size, 1, capacity - s->size, f);
			if (n == 0)
				break;
			s->size += n;
		}
		fclose(f);
		if (s->files == ends_capacity)
			s->ends = realloc(s->ends, (ends_capacity *= 2) * sizeof(size_t));
		s->ends[s->files++] = s->size;
	}
	fclose(list);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: wimlib-chunks LIST TYPE LEVEL ROUNDS CHUNK SOLID\n");
		return 2;
	}
	int ctype = compression_type(argv[2]);
	unsigned level = (unsigned)atoi(argv[3]);
	int rounds = atoi(argv[4]);
	size_t chunk = (size_t)atol(argv[5]);
	int solid = atoi(argv[6]);
	struct sample s;
	struct wimlib_compressor *c;

	if (ctype < 0 || load(argv[1], &s) != 0)
		return 2;
	if (solid) {
		s.ends[0] = s.size;
		s.files = 1;
	}
	if (wimlib_create_compressor(ctype, chunk, level, &c) != 0) {
		fprintf(stderr, "wimlib-chunks: wimlib_create_compressor failed\n");
		return 1;
	}
	unsigned char *out = malloc(chunk);
	double best = 1e300;
	size_t stored = 0;
	for (int r = 0; r < rounds; r++) {
		double start = cpu_seconds();
		size_t begin = 0;
		stored = 0;
		for (size_t i = 0; i < s.files; begin = s.ends[i++]) {
			for (size_t p = begin; p < s.ends[i]; p += chunk) {
				size_t n = s.ends[i] - p < chunk ? s.ends[i] - p : chunk;
				size_t z = n > 1 ? wimlib_compress(s.data + p, n, out, n - 1, c) : 0;
				stored += z ? z : n;
			}
		}
		double t = cpu_seconds() - start;
		best = t < best ? t : best;
	}
	printf("%-7s level %u wimlib  : %7.2f MB/s  %zu -> %zu bytes (best of %d rounds, %.2f s CPU)\n", argv[2], level,
	       s.size / 1e6 / best, s.size, stored, rounds, best);
	wimlib_free_compressor(c);
	return 0;
}
