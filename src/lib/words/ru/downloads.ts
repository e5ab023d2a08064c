export const downloads = {
};
