#pragma once
// Disjoint sets with path halving and union by size: merging nodes joined by unmeasured flows.

#include <numeric>
#include <vector>

namespace shuiheng::balance {

class UnionFind {
public:
    explicit UnionFind(int size)
        : parent_(static_cast<std::size_t>(size))
        , size_(static_cast<std::size_t>(size), 1) {
        std::iota(parent_.begin(), parent_.end(), 0);
    }

    int find(int x) {
        while (parent_[idx(x)] != x) {
            parent_[idx(x)] = parent_[idx(parent_[idx(x)])];
            x = parent_[idx(x)];
        }
        return x;
    }

    /// Joins the sets of a and b; false when they were one set already.
    bool unite(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        if (size_[idx(a)] < size_[idx(b)])
            std::swap(a, b);
        parent_[idx(b)] = a;
        size_[idx(a)] += size_[idx(b)];
        return true;
    }

    /// Dense labels 0..count-1 for the sets, in order of first appearance when the elements are
    /// visited in `order` (a permutation of them), or else as numbered.
    std::vector<int> labels(int& count, const std::vector<int>* order = nullptr) {
        std::vector<int> label(parent_.size(), -1);
        std::vector<int> result(parent_.size());
        count = 0;
        for (int k = 0; k < static_cast<int>(parent_.size()); ++k) {
            const int x = order ? (*order)[idx(k)] : k;
            const int root = find(x);
            if (label[idx(root)] < 0)
                label[idx(root)] = count++;
            result[idx(x)] = label[idx(root)];
        }
        return result;
    }

private:
    static std::size_t idx(int x) { return static_cast<std::size_t>(x); }
    std::vector<int> parent_;
    std::vector<int> size_;
};

} // namespace shuiheng::balance
