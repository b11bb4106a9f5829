// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "lemon-peer"

#include "config.h"

// The peer of sm-bench-solve: LEMON 1.3.1's NetworkSimplex on the same
// instance file, modelled as a min-cost flow that gives the same
// lexicographic optimum as sm_assignment_solve():
//
//   every student supplies one unit, the sink demands all of them;
//   student -> offer, capacity 1, cost -score;
//   offer -> sink, capacity = the offer's places, cost 0;
//   student -> sink, capacity 1, cost B = 1000 * min(students, places) + 1
//   (the bypass of an unplaced student, dearer than any score difference).
//
// It prints "read_ms R solve_ms S objective O assigned A", like the child
// of sm-bench-solve. Only well-formed files are expected: the checking
// reader is ours.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace {

struct Edge
{
  int student;
  int offer;
  int score;
};

double
ms_since (std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double, std::milli> (std::chrono::steady_clock::now () - start).count ();
}

const char *
read_int (const char *p, long long *value)
{
  bool negative = false;
  long long v = 0;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '-')
    {
      negative = true;
      p++;
    }
  if (*p < '0' || *p > '9')
    {
      std::fprintf (stderr, "lemon-peer: a number was expected\n");
      std::exit (2);
    }
  while (*p >= '0' && *p <= '9')
    v = v * 10 + (*p++ - '0');
  *value = negative ? -v : v;
  return p;
}

}  // namespace

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      std::fprintf (stderr, "usage: lemon-peer FILE\n");
      return 1;
    }

  auto start = std::chrono::steady_clock::now ();
  std::FILE *file = std::fopen (argv[1], "rb");
  if (file == nullptr)
    {
      std::perror (argv[1]);
      return 2;
    }

  long long n_students = -1, n_offers = -1;
  std::vector<int> capacity;
  std::vector<Edge> edges;
  std::vector<char> buffer (1 << 20);
  size_t length = 0;

  for (;;)
    {
      size_t n = std::fread (buffer.data () + length, 1, buffer.size () - 1 - length, file);
      bool at_end = n == 0;
      length += n;
      buffer[length] = '\0';
      char *p = buffer.data ();
      char *end = p + length;

      for (;;)
        {
          char *newline = static_cast<char *> (std::memchr (p, '\n', static_cast<size_t> (end - p)));
          if (newline == nullptr && !(at_end && p < end))
            break;
          if (newline != nullptr)
            *newline = '\0';
          long long a, b, c;
          const char *q = p;
          while (*q == ' ' || *q == '\t')
            q++;
          switch (*q)
            {
            case 'p':
              q = read_int (read_int (q + 1, &n_students), &n_offers);
              capacity.assign (static_cast<size_t> (n_offers), 1);
              break;
            case 'o':
              q = read_int (read_int (q + 1, &a), &b);
              capacity[static_cast<size_t> (a)] = static_cast<int> (b);
              break;
            case 'e':
              q = read_int (read_int (read_int (q + 1, &a), &b), &c);
              edges.push_back ({ static_cast<int> (a), static_cast<int> (b), static_cast<int> (c) });
              break;
            default:
              break;
            }
          p = newline != nullptr ? newline + 1 : end;
        }
      if (at_end)
        break;
      length = static_cast<size_t> (end - p);
      std::memmove (buffer.data (), p, length);
      if (length + 1 >= buffer.size ())
        buffer.resize (buffer.size () * 2);
    }
  std::fclose (file);
  if (n_students < 0)
    {
      std::fprintf (stderr, "lemon-peer: no p line\n");
      return 2;
    }

  // The graph is part of the peer's work, as building our rows is ours.
  typedef lemon::SmartDigraph Graph;
  Graph graph;
  int n_nodes = static_cast<int> (n_students + n_offers + 1);
  int n_arcs = static_cast<int> (edges.size () + static_cast<size_t> (n_offers + n_students));
  graph.reserveNode (n_nodes);
  graph.reserveArc (n_arcs);

  std::vector<Graph::Node> nodes;
  nodes.reserve (static_cast<size_t> (n_nodes));
  for (int i = 0; i < n_nodes; i++)
    nodes.push_back (graph.addNode ());
  Graph::Node sink = nodes.back ();

  long long places = 0;
  for (int c : capacity)
    places += c;
  long long bypass = 1000LL * std::min (n_students, places) + 1;

  Graph::ArcMap<int> upper (graph);
  Graph::ArcMap<long long> cost (graph);
  Graph::NodeMap<int> supply (graph, 0);

  for (const Edge &e : edges)
    {
      Graph::Arc arc = graph.addArc (nodes[static_cast<size_t> (e.student)],
                                     nodes[static_cast<size_t> (n_students + e.offer)]);
      upper[arc] = 1;
      cost[arc] = -e.score;
    }
  for (long long o = 0; o < n_offers; o++)
    {
      Graph::Arc arc = graph.addArc (nodes[static_cast<size_t> (n_students + o)], sink);
      upper[arc] = capacity[static_cast<size_t> (o)];
      cost[arc] = 0;
    }
  for (long long s = 0; s < n_students; s++)
    {
      Graph::Arc arc = graph.addArc (nodes[static_cast<size_t> (s)], sink);
      upper[arc] = 1;
      cost[arc] = bypass;
      supply[nodes[static_cast<size_t> (s)]] = 1;
    }
  supply[sink] = static_cast<int> (-n_students);

  // Our solver's read_ms includes sorting its rows; so does this.
  double read_ms = ms_since (start);
  start = std::chrono::steady_clock::now ();

  lemon::NetworkSimplex<Graph, int, long long> simplex (graph);
  simplex.upperMap (upper).costMap (cost).supplyMap (supply);
  if (simplex.run () != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL)
    {
      std::fprintf (stderr, "lemon-peer: no optimal flow\n");
      return 1;
    }

  long long objective = 0;
  long long assigned = 0;
  for (size_t i = 0; i < edges.size (); i++)
    if (simplex.flow (graph.arcFromId (static_cast<int> (i))) > 0)
      {
        objective += edges[i].score;
        assigned++;
      }
  double solve_ms = ms_since (start);

  std::printf ("read_ms %.1f solve_ms %.1f objective %lld assigned %lld\n",
               read_ms, solve_ms, objective, assigned);
  return 0;
}
