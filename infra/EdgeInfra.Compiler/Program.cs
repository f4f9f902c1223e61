using EdgeInfra.Compiler;

return Compiler.Run(args, Directory.GetCurrentDirectory(), Console.Error);
