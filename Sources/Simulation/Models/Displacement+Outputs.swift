extension Displacement {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("automatedShare", unit: "fraction", x: "years", "share of tasks done by machines"),
        OutputSpec("newTaskMass", unit: "fraction", x: "years", "new tasks created for labour so far"),
        OutputSpec("laborShare", unit: "fraction", x: "years", "labour share of tasks (= labour share of income with σ = 1)"),
        OutputSpec("displacedFlow", unit: "fraction", x: "years", "workers displaced that year (assumed: every fall in labour share becomes job losses)"),
        OutputSpec("unemployment", unit: "fraction", x: "years", "unemployment rate"),
        OutputSpec("output", unit: "index (year 0 = 1)", x: "years", "output"),
        OutputSpec("wageBill", unit: "index (output × labour share)", x: "years", "total pay"),
        OutputSpec("wagePerWorker", unit: "index (year 0 = 1)", x: "years", "average pay of those in work"),
    ]
}
