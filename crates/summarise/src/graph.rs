//! Weighted PageRank over a sparse undirected graph, shared by sentence and
//! keyword ranking.

/// An undirected weighted graph in compressed sparse row form.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    offsets: Vec<usize>,
    neighbours: Vec<usize>,
    weights: Vec<f64>,
}

impl Graph {
    /// Builds a graph of `size` vertices from undirected edges `(u, v, w)`.
    /// Edges with an endpoint out of range, a self loop or a weight that is
    /// not positive and finite are ignored.
    pub fn new(size: usize, edges: &[(usize, usize, f64)]) -> Graph {
        let valid = |&&(u, v, w): &&(usize, usize, f64)| {
            u < size && v < size && u != v && w.is_finite() && w > 0.0
        };
        let mut degree = vec![0usize; size + 1];
        for &(u, v, _) in edges.iter().filter(valid) {
            if let Some(d) = degree.get_mut(u + 1) {
                *d += 1;
            }
            if let Some(d) = degree.get_mut(v + 1) {
                *d += 1;
            }
        }
        for i in 0..size {
            let prev = degree.get(i).copied().unwrap_or(0);
            if let Some(d) = degree.get_mut(i + 1) {
                *d += prev;
            }
        }
        let m = degree.last().copied().unwrap_or(0);
        let mut neighbours = vec![0usize; m];
        let mut weights = vec![0.0; m];
        let mut next: Vec<usize> = degree.iter().take(size).copied().collect();
        for &(u, v, w) in edges.iter().filter(valid) {
            for (a, b) in [(u, v), (v, u)] {
                if let Some(slot) = next.get_mut(a) {
                    if let (Some(n), Some(x)) = (neighbours.get_mut(*slot), weights.get_mut(*slot))
                    {
                        *n = b;
                        *x = w;
                    }
                    *slot += 1;
                }
            }
        }
        Graph {
            offsets: degree,
            neighbours,
            weights,
        }
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of directed adjacency entries (twice the edges).
    #[cfg(test)]
    pub fn entries(&self) -> usize {
        self.neighbours.len()
    }

    fn row(&self, v: usize) -> (&[usize], &[f64]) {
        let start = self.offsets.get(v).copied().unwrap_or(0);
        let end = self.offsets.get(v + 1).copied().unwrap_or(start);
        (
            self.neighbours.get(start..end).unwrap_or(&[]),
            self.weights.get(start..end).unwrap_or(&[]),
        )
    }

    /// Personalised PageRank: `r = (1 - d)·p + d·(W r + dangling mass·p)`,
    /// with `W` the column-normalised weights and `p` the teleport vector
    /// (`teleport` normalised to sum 1, uniform when it is empty or all
    /// zero). Returns the ranks (summing to 1) and the number of adjacency
    /// entries visited, a measure of the work done.
    pub fn pagerank(&self, damping: f64, teleport: &[f64], max_iter: usize) -> (Vec<f64>, usize) {
        let n = self.len();
        if n == 0 {
            return (Vec::new(), 0);
        }
        let total: f64 = teleport.iter().filter(|x| x.is_finite() && **x > 0.0).sum();
        let p: Vec<f64> = if teleport.len() == n && total > 0.0 {
            teleport
                .iter()
                .map(|&x| {
                    if x.is_finite() && x > 0.0 {
                        x / total
                    } else {
                        0.0
                    }
                })
                .collect()
        } else {
            vec![1.0 / n as f64; n]
        };
        let out: Vec<f64> = (0..n).map(|v| self.row(v).1.iter().sum()).collect();
        // The out-weight of the vertex at the far end of every adjacency
        // entry, laid out like the entries, so that the inner loop reads it
        // in order instead of looking it up.
        let far_out: Vec<f64> = self
            .neighbours
            .iter()
            .map(|&u| out.get(u).copied().unwrap_or(0.0))
            .collect();
        let mut rank = p.clone();
        let mut next = vec![0.0; n];
        let mut work = 0usize;
        for _ in 0..max_iter {
            let dangling: f64 = rank
                .iter()
                .zip(&out)
                .filter(|(_, &o)| o <= 0.0)
                .map(|(r, _)| r)
                .sum();
            for (v, slot) in next.iter_mut().enumerate() {
                let start = self.offsets.get(v).copied().unwrap_or(0);
                let end = self.offsets.get(v + 1).copied().unwrap_or(start);
                let nb = self.neighbours.get(start..end).unwrap_or(&[]);
                let w = self.weights.get(start..end).unwrap_or(&[]);
                let o = far_out.get(start..end).unwrap_or(&[]);
                work += nb.len();
                let inflow: f64 = nb
                    .iter()
                    .zip(w)
                    .zip(o)
                    .map(|((&u, &wt), &o)| {
                        let r = rank.get(u).copied().unwrap_or(0.0);
                        if o > 0.0 {
                            r * wt / o
                        } else {
                            0.0
                        }
                    })
                    .sum();
                let pv = p.get(v).copied().unwrap_or(0.0);
                *slot = (1.0 - damping) * pv + damping * (inflow + dangling * pv);
            }
            let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
            // `next` is overwritten whole in the next round.
            std::mem::swap(&mut rank, &mut next);
            if change < 1e-9 {
                break;
            }
        }
        (rank, work)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_centre_ranks_first_and_ranks_sum_to_one() {
        let g = Graph::new(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let (r, work) = g.pagerank(0.85, &[], 100);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-12);
        assert!(work > 0);
    }

    #[test]
    fn teleport_moves_rank_and_isolated_vertices_get_it() {
        let g = Graph::new(3, &[(0, 1, 1.0)]);
        let (uniform, _) = g.pagerank(0.85, &[], 100);
        let (biased, _) = g.pagerank(0.85, &[0.0, 0.0, 1.0], 100);
        assert!(biased[2] > uniform[2]);
        assert!((biased.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn bad_edges_are_ignored() {
        let g = Graph::new(
            2,
            &[(0, 5, 1.0), (1, 1, 1.0), (0, 1, f64::NAN), (0, 1, -1.0)],
        );
        assert_eq!(g.entries(), 0);
        let (r, _) = g.pagerank(0.85, &[], 10);
        assert!((r[0] - 0.5).abs() < 1e-9);
        assert!(Graph::new(0, &[]).pagerank(0.85, &[], 10).0.is_empty());
    }
}
