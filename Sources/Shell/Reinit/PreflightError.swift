/// Disks that fail a precondition of ReInitDisk, found before anything was changed: one line per disk,
/// each naming the disk, what is wrong and what to do.
struct PreflightError: Error, Sendable, Equatable, CustomStringConvertible {
    var problems: [String]
    /// How many disks the command named.
    var diskCount: Int

    /// The API codes the problems name (each ends with its code in parentheses), without repeats.
    var codes: [String] {
        var seen: Set<String> = []
        return problems.compactMap { problem in
            guard problem.hasSuffix(")"), let open = problem.lastIndex(of: "(") else { return nil }
            let inside = problem[problem.index(after: open)..<problem.index(before: problem.endIndex)]
            // "(IncorrectInstanceStatus)" or "(see the ECS console; InstanceLockedForSecurity)"
            let code = String(inside.split(separator: " ").last ?? "")
            guard !code.isEmpty, code.first?.isUppercase == true, seen.insert(code).inserted else { return nil }
            return code
        }
    }

    var description: String {
        if problems.count == 1, diskCount == 1 { return problems[0] }
        let failing =
            problems.count == 1 ? "1 of \(diskCount) disks fails" : "\(problems.count) of \(diskCount) disks fail"
        return "nothing was re-initialised: \(failing) the checks before ReInitDisk (leave it out or fix it):\n"
            + problems.map { "  " + $0 }.joined(separator: "\n")
    }
}
