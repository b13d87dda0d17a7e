extension LeaseSPV {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("rent", unit: "$B/yr", x: "year", "rent the tenant pays the SPV each year while leased"),
        OutputSpec("debtService", unit: "$B/yr", x: "year", "level annual bond payment (interest + principal)"),
        OutputSpec("interest", unit: "$B/yr", x: "year", "interest part of the bond payment"),
        OutputSpec("principal", unit: "$B/yr", x: "year", "principal part of the bond payment"),
        OutputSpec("excessToEquity", unit: "$B/yr", x: "year", "rent left for the SPV's equity after debt service"),
        OutputSpec("debtBalance", unit: "$B", x: "year", "bond still owed at the end of each year"),
        OutputSpec("assetValue", unit: "$B", x: "year", "campus value, decaying each year (an assumption)"),
        OutputSpec("saleValue", unit: "$B", x: "year", "what an empty campus sells for, after the discount"),
        OutputSpec("rvgIfLeaveNow", unit: "$B", x: "year", "guarantee paid if the tenant leaves at the end of that year (its options: initialTerm to T − 1)"),
        OutputSpec("bondLossIfLeaveNow", unit: "$B", x: "year", "bondholders' loss if the tenant leaves at the end of that year (initialTerm to T − 1)"),
        OutputSpec("dscr", unit: "×", x: "year", "debt-service coverage ratio: rent ÷ debt service (equal to rentCover by construction)"),
        OutputSpec("probLeased", unit: "probability", x: "year", "chance the tenant is still paying in that year"),
        OutputSpec("probLeaveAtEnd", unit: "probability", x: "year", "chance the tenant leaves at the end of that year"),
        OutputSpec("expectedBondCashFlow", unit: "$B/yr", x: "year", "probability-weighted cash to bondholders (undiscounted)"),
        OutputSpec("state.leased", unit: "probability", x: "year", "chance the tenant still pays rent in that year (the bond is paid on schedule)"),
        OutputSpec("state.repaidEarly", unit: "probability", x: "year", "chance the tenant left in an earlier year and the sale plus guarantee repaid the bond in full"),
        OutputSpec("state.endedWithLoss", unit: "probability", x: "year", "chance the tenant left in an earlier year and bondholders lost part of what was owed"),
        OutputSpec("walkAway.bondCash", unit: "$B/yr", x: "year", "cash to bondholders on the illustrated path where the tenant leaves in walkAwayYear"),
        OutputSpec("walkAway.rvgPaid", unit: "$B", x: "year", "guarantee paid on that path (in the walk-away year only)"),
        OutputSpec("walkAway.loss", unit: "$B", x: "year", "bondholders' loss on that path (in the walk-away year only)"),
    ]
}
