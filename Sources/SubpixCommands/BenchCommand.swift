import ArgumentParser
import Subpix
import SubpixBench

/// `subpix bench`: times the built-in workloads (the same as kornia's reference suite).
struct BenchCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the built-in workloads (medians and minima in ms); compare with scripts/bench-vs-kornia.sh.")

    @Option(help: "Threads the ops may use (kornia's side uses the same).")
    var threads = 2

    @Option(help: "Timed repetitions per workload, after one warm-up run.")
    var reps = 20

    @Flag(help: "Print {\"name\": {\"median_ms\": .., \"min_ms\": ..}} like the kornia suite.")
    var json = false

    @Option(help: "Comma-separated workload names to run (default: the kornia suite and the frames; the kernel-scaling ones run only when named).")
    var only = ""

    @Flag(help: "List the workloads and exit.")
    var list = false

    @OptionGroup var kornia: KorniaOption

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("expected --threads >= 1, got \(threads)") }
        guard reps >= 1 else { throw ValidationError("expected --reps >= 1, got \(reps)") }
    }

    func run(console: Console) throws {
        let workloads = try Suite.select(only.split(separator: ",").map(String.init))
        if list {
            for workload in Suite.all { console.print(Suite.column(workload.name) + " " + workload.summary) }
            return
        }
        let showProgress = console.errIsTerminal
        let version = try kornia.version()
        let run = BenchRun(threads: threads, repetitions: reps, version: version) { name in
            if showProgress { console.report("  \(name) ...") }
        }
        let results = try run.measure(workloads)
        // Which float32 kernels ran (SUBPIX_KERNELS=baseline forces the portable ones), and which kornia's numbers.
        let kernels = "kernels: \(KernelPath.current) (fastest this CPU runs: \(KernelPath.fastestAvailable))\nkornia: \(version.release)\n"
        if json { console.err(kernels) } else { console.out(kernels) }
        console.print(json ? BenchRun.json(results) : BenchRun.table(results))
    }
}
