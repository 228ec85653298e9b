using Attest.Bench;

// dotnet run -c Release --project bench/Attest.Bench [-- frameworks|scale|access|vulns …]: see FrameworksBench and ScaleBench.
if (args.FirstOrDefault() == "scale") await ScaleBench.RunAsync(args[1..]);
else if (args.FirstOrDefault() == "access") await ScaleBench.AccessAsync(args[1..]);
else if (args.FirstOrDefault() == "vulns") await VulnerabilityImportBench.RunAsync(args[1..]);
else await FrameworksBench.RunAsync(args.FirstOrDefault() == "frameworks" ? args[1..] : args);
