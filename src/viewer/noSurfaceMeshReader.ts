/**
 * Stands in for vtk.js's VTK XML poly-data reader (vite.config.ts). Cornerstone's image cache imports
 * it for surface meshes in .vtp files, which Fovea never loads; with it came an XML DOM, a YAML parser
 * and their dependencies — about 130 kB gzip of the viewer's first code, evaluated before the first
 * image.
 */
const vtkXMLPolyDataReader = {
  newInstance(): never {
    throw new Error('Fovea does not read surface meshes in VTK XML (.vtp) files.');
  },
};

export default vtkXMLPolyDataReader;
