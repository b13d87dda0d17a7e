/// The models registered for chart blocks and the command line. Add a model here to expose it.
let allModels: [ModelEntry] = [
    ModelEntry(LeaseSPV.self),
    ModelEntry(Tranching.self),
    ModelEntry(GPUCollateral.self),
    ModelEntry(CircularFlows.self),
    ModelEntry(FireSale.self),
    ModelEntry(Bubbles.self),
    ModelEntry(Concentration.self),
    ModelEntry(Displacement.self),
    ModelEntry(CapexGap.self),
]
