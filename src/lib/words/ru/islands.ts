export const islands = {
};
