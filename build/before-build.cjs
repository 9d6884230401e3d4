// electron-builder's beforeBuild hook. The app's main, preload and editor are bundles (esbuild and
// Vite) with their dependencies inside, so the package needs no node_modules: returning false tells
// electron-builder that dependencies are handled outside, and it neither installs, rebuilds nor
// copies them into app.asar (keeping tf.js, React and the rest out of the installer twice).
exports.default = async function beforeBuild() {
  return false;
};
