using K8sLandscape.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
