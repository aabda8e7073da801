#pragma once
// Internal to core/indicators: the used share of each treatment unit's water (contract: "a
// treatment unit passes on the used share of its inflow"). Water is used once it has passed a
// water-using unit (category other than `treatment`). For treatment units T the shares s solve
//
//     In_T · s_T − Σ_{T'} f(T'→T) · s_T' = U_T
//
// (In_T: every inflow of T but its own circulation; U_T: the inflow from water-using units), a
// linear system K s = U that chains of treatment units (and loops between them) need. Its
// derivative for the uncertainty comes by one adjoint solve: for Σ_T w_T s_T with λ = K⁻ᵀ w,
// ∂/∂f_e = λ_T · ([e from a water-using unit] − s_T + [e from treatment T'] · s_T') for e into T.

#include "indicators/linear_form.h"
#include "model/plant_graph.h"

#include <memory>
#include <vector>

namespace shuiheng::indicators::detail {

class UsedShares {
public:
    /// `x`: the reconciled flow of every stream (0 where unknown).
    UsedShares(const PlantGraph& graph, const std::vector<double>& x);
    ~UsedShares();

    bool isTreatment(NodeIndex node) const;
    /// The used share of a treatment unit's water (0 when nothing flows in).
    double share(NodeIndex treatment) const;
    /// Σ_T weight_T · s_T, with the gradient through both the weights and the shares; `streams`
    /// holds every inflow the shares depend on (upstream treatment units included).
    Form weighted(const std::vector<std::pair<NodeIndex, Form>>& weights) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Whether the unit uses water (contract: a unit whose category is not `treatment`).
bool isWaterUsing(const Node& node);

} // namespace shuiheng::indicators::detail
