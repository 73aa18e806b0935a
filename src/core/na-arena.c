/* na-arena.c — one large allocation for the many small strings of a loaded library */
#define G_LOG_DOMAIN "na-arena"

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "na-arena.h"

/* Small libraries (the bundled one is 100 KiB) get small blocks, large ones blocks of up to
 * 4 MiB, mapped with their pages populated at once: on the virtual machines we run on, a page
 * fault per 4 KiB costs more than reading the text. The last block is at most 4 MiB too big. */
#define FIRST_BLOCK_SIZE (64 * 1024)
#define MAX_BLOCK_SIZE (4 * 1024 * 1024)
#define MAPPED_BLOCK_SIZE (256 * 1024)

typedef struct
{
  guchar   *start;
  gsize     size;
  gboolean  mapped;
} Block;

struct _NaArena
{
  gatomicrefcount  ref_count;
  GArray          *blocks;      /* Block, sorted by address for na_arena_owns() */
  guchar          *next;
  gsize            left;
  gsize            next_size;
  gsize            used;
};

NaArena *
na_arena_new (void)
{
  NaArena *self = g_new0 (NaArena, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  self->next_size = FIRST_BLOCK_SIZE;
  return self;
}

NaArena *
na_arena_ref (NaArena *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
na_arena_unref (NaArena *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);

#ifdef __linux__
      if (b->mapped)
        munmap (b->start, b->size);
      else
#endif
        g_free (b->start);
    }
  g_array_unref (self->blocks);
  g_free (self);
}

static void
add_block (NaArena *self,
           gsize    min_size)
{
  Block block = { NULL, MAX (self->next_size, min_size), FALSE };
  guint i;

#ifdef __linux__
  if (block.size >= MAPPED_BLOCK_SIZE)
    {
      void *p = mmap (NULL, block.size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

      if (p != MAP_FAILED)
        {
          block.start = p;
          block.mapped = TRUE;
        }
    }
#endif
  if (block.start == NULL)
    block.start = g_malloc (block.size);

  for (i = 0; i < self->blocks->len; i++)
    if (g_array_index (self->blocks, Block, i).start > block.start)
      break;
  g_array_insert_val (self->blocks, i, block);

  self->next = block.start;
  self->left = block.size;
  self->next_size = MIN (self->next_size * 2, MAX_BLOCK_SIZE);
}

/* Memory for @size bytes aligned on @align (a power of two); it lives as long as the arena. */
gpointer
na_arena_alloc (NaArena *self,
                gsize    size,
                gsize    align)
{
  gsize pad;
  gpointer p;

  pad = (align - ((guintptr) self->next & (align - 1))) & (align - 1);
  if (self->next == NULL || pad + size > self->left)
    {
      add_block (self, size + align);
      pad = (align - ((guintptr) self->next & (align - 1))) & (align - 1);
    }

  p = self->next + pad;
  self->next += pad + size;
  self->left -= pad + size;
  self->used += size;
  return p;
}

char *
na_arena_strndup (NaArena    *self,
                  const char *str,
                  gsize       length)
{
  char *copy = na_arena_alloc (self, length + 1, 1);

  memcpy (copy, str, length);
  copy[length] = '\0';
  return copy;
}

/* Whether @pointer points into the arena; FALSE when @self is NULL. */
gboolean
na_arena_owns (NaArena       *self,
               gconstpointer  pointer)
{
  guintptr p = (guintptr) pointer;
  guint lo = 0, hi;

  if (self == NULL || pointer == NULL)
    return FALSE;

  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Block *b = &g_array_index (self->blocks, Block, mid);

      if (p < (guintptr) b->start)
        hi = mid;
      else if (p >= (guintptr) b->start + b->size)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

/* Bytes handed out so far. */
gsize
na_arena_get_size (NaArena *self)
{
  return self->used;
}

/* Frees *string unless the arena owns it (@self may be NULL), and sets it to NULL. */
void
na_arena_clear_string (NaArena  *self,
                       char    **string)
{
  if (!na_arena_owns (self, *string))
    g_free (*string);
  *string = NULL;
}

/* The same for a string vector: one in the arena has all its strings there too. */
void
na_arena_clear_strv (NaArena   *self,
                     char    ***strv)
{
  if (!na_arena_owns (self, *strv))
    g_strfreev (*strv);
  *strv = NULL;
}

/* na_set_string() for a field that may point into the arena. */
gboolean
na_arena_set_string (NaArena     *self,
                     char       **dest,
                     const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  na_arena_clear_string (self, dest);
  *dest = g_strdup (value);
  return TRUE;
}
