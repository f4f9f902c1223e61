using EdgeInfra;
using Shop;

return Deployment.Run(args, () => new ShopStack());
