export const methodology = {
};
