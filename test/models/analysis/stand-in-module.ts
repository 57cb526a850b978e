/** The stand-in model as a worker-loadable module (exports `analysisModel`). */
export { standInModel as analysisModel } from './stand-in-model.js';
