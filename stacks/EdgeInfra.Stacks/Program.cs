using EdgeInfra;
using EdgeInfra.Stacks;

return Deployment.Run(args, () => new EdgeStack());
