// Benchmarks print their figures; see bench/README.md.
Console.WriteLine("SlackJit benchmarks: see bench/README.md");
