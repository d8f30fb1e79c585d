// Types for the part of jStat (https://github.com/jstat/jstat, MIT) that Corridor uses; the package ships none.
declare module "jstat" {
  const jStat: {
    studentt: {
      /** Quantile (inverse CDF) of Student's t with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
