/// "1 row", "3 values": a count with its noun, plural unless one.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
}

/// Checks a matrix parameter's shape, rows first: `rows` rows (else an error at `name`, the allowed count followed by
/// `rowsAre`), then each row's `columns` values (else an error at `name[i]` that names the short or long row, the
/// allowed count followed by `rowValues(i)`).
func checkMatrixShape<Element>(_ matrix: [[Element]], model: String, name: String, rows: Int, rowsAre: String,
                               columns: Int, rowValues: (Int) -> String) throws(ModelError) {
    guard matrix.count == rows else {
        throw .parameterOutOfRange(model: model, name: name, value: counted(matrix.count, "row"), allowed: counted(rows, "row") + rowsAre)
    }
    if let i = matrix.firstIndex(where: { $0.count != columns }) {
        throw .parameterOutOfRange(model: model, name: "\(name)[\(i)]", value: counted(matrix[i].count, "value"),
                                   allowed: counted(columns, "value") + rowValues(i))
    }
}
