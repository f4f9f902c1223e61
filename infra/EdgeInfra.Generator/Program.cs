using EdgeInfra.Generator.Cli;

return GenerateCommand.Run(args, Console.Out, Console.Error);
